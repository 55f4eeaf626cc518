package io.oregrid.node.realtime;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.chat.ChatChannel;
import io.oregrid.grid.chat.ChatMessage;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.GameServices;
import io.oregrid.node.game.CollectOutcome;
import io.oregrid.node.game.GameRules;
import io.oregrid.node.game.LocationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that a node's listener hears moves, spawns, collections and chat made through another
 * member, and that the chat history is bounded and readable from any member.
 */
class WorldEventsTest {
    private static final double LAT = -10.9393, LNG = -37.0627;
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final GameClock clock = now::get;
    private final OreConfig config = OreConfig.defaults().with(Map.of("CLUSTER_NAME", "rt-" + UUID.randomUUID(),
            "COIN_DENSITY_PER_CELL", "20", "COLLECT_RANGE_M", "1000"));
    private final GameRules rules = GameRules.from(config);

    @AfterEach
    void tearDown() {
        factory.shutdownAll();
    }

    /** Records everything; watches every cell and the players whose id starts with "watched". */
    private static final class Recorder implements WorldListener {
        final List<CellChange> changes = new CopyOnWriteArrayList<>();
        final List<String> moves = new CopyOnWriteArrayList<>();
        final List<ChatMessage> chats = new CopyOnWriteArrayList<>();

        @Override
        public boolean watchesCell(String cellToken) {
            return true;
        }

        @Override
        public void cellChanged(CellChange change) {
            changes.add(change);
        }

        @Override
        public boolean watchesPlayer(String playerId) {
            return playerId.startsWith("watched");
        }

        @Override
        public void playerMoved(String playerId, String cellToken, long acceptedFixes) {
            moves.add(playerId + "@" + cellToken + "#" + acceptedFixes);
        }

        @Override
        public void chatPosted(ChatMessage message) {
            chats.add(message);
        }
    }

    @Test
    void anotherMembersChangesReachThisNodesListener() {
        HazelcastInstance a = factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
        HazelcastInstance b = factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
        assertClusterSizeEventually(2, a, b);
        Recorder heard = new Recorder();
        try (WorldEvents ignored = WorldEvents.register(b, heard)) {
            GameServices game = GameServices.create(a, config, clock);
            LocationService location = game.location();
            MotionResult moved = location.update("watched-1", "alice", new Fix(LAT, LNG, 5, now.get(), null, null), 0).toCompletableFuture().join();
            location.update("other-1", "bob", new Fix(LAT, LNG, 5, now.get(), null, null), 0).toCompletableFuture().join();
            String cell = moved.cellToken();

            assertTrueEventually(() -> {
                assertThat(heard.moves).containsExactly("watched-1@" + cell + "#1");
                assertThat(heard.changes).anySatisfy(c -> {
                    assertThat(c.cellToken()).isEqualTo(cell);
                    assertThat(c.moved()).extracting(p -> p.playerId()).containsExactly("watched-1");
                });
                assertThat(heard.changes).anySatisfy(c ->
                        assertThat(c.moved()).extracting(p -> p.playerId()).containsExactly("other-1"));
            }, 10);

            Coin coin = game.templates().live(cell, null, now.get()).get(0);
            Coin next = game.templates().of(cell, coin.epoch())[coin.index() + 20];
            CollectOutcome got = game.coins().collect("watched-1", coin.id(), "k1", 1.0, 1000, 0).toCompletableFuture().join();
            assertThat(got.status()).isEqualTo(CollectOutcome.Status.CREDITED);
            assertTrueEventually(() -> assertThat(heard.changes).anySatisfy(c -> {
                assertThat(c.collected()).extracting(CellChange.Collected::coinId).containsExactly(coin.id());
                assertThat(c.collected()).extracting(CellChange.Collected::playerId).containsExactly("watched-1");
                assertThat(c.appeared()).as("its replacement in the slot").containsExactly(next);
            }), 10);
            assertThat(heard.changes).filteredOn(c -> !c.collected().isEmpty())
                    .as("marking the claim credited is no news").hasSize(1);

            game.close();
            ChatService chatOnA = new ChatService(a, clock, 3);
            for (int i = 1; i <= 5; i++) {
                chatOnA.post(ChatChannel.GLOBAL, "watched-1", "alice", "hello " + i);
            }
            assertTrueEventually(() -> assertThat(heard.chats).extracting(ChatMessage::text)
                    .containsExactly("hello 1", "hello 2", "hello 3", "hello 4", "hello 5"), 10);
            ChatService chatOnB = new ChatService(b, clock, 3);
            assertThat(chatOnB.history(ChatChannel.GLOBAL, 50)).extracting(ChatMessage::text)
                    .containsExactly("hello 3", "hello 4", "hello 5");
            assertThat(chatOnB.history(ChatChannel.GLOBAL, 2)).extracting(ChatMessage::text)
                    .containsExactly("hello 4", "hello 5");
            assertThat(chatOnA.history(ChatChannel.ofCell(cell), 10)).isEmpty();
        }
    }
}
