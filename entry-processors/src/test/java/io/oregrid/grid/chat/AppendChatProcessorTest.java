package io.oregrid.grid.chat;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that a channel keeps its newest messages in order, bounded, and that a repeated id is not appended twice. */
class AppendChatProcessorTest {

    private static ChatMessage msg(String id, long t) {
        return new ChatMessage(id, "global", "u1", "alice", "hello " + id, t);
    }

    @Test
    void keepsTheNewestInOrderAndIgnoresARepeatedId() {
        Map.Entry<String, ChatRing> e = new AbstractMap.SimpleEntry<>("global", null);
        for (int i = 1; i <= 5; i++) {
            assertThat(new AppendChatProcessor(msg("m" + i, i), 3).process(e)).isTrue();
        }
        assertThat(new AppendChatProcessor(msg("m5", 5), 3).process(e)).as("retry of the newest").isFalse();
        assertThat(new AppendChatProcessor(msg("m4", 4), 3).process(e)).as("retry of an older one").isFalse();
        assertThat(Arrays.stream(e.getValue().messages()).map(ChatMessage::id)).containsExactly("m3", "m4", "m5");
        assertThat(e.getValue().channel()).isEqualTo("global");
    }

    @Test
    void channelNamesAreGlobalOrAGameLevelCell() {
        assertThat(ChatChannel.parse("global", 15)).contains(ChatChannel.GLOBAL);
        String token = io.oregrid.grid.support.Geo.cellToken(-10.9393, -37.0627, 15);
        assertThat(ChatChannel.parse("cell:" + token, 15)).contains(ChatChannel.ofCell(token));
        String coarser = io.oregrid.grid.support.Geo.cellToken(-10.9393, -37.0627, 14);
        assertThat(ChatChannel.parse("cell:" + coarser, 15)).as("another level").isEmpty();
        assertThat(ChatChannel.parse("cell:zz!", 15)).isEmpty();
        assertThat(ChatChannel.parse("cell:", 15)).isEmpty();
        assertThat(ChatChannel.parse("Global", 15)).isEmpty();
        assertThat(ChatChannel.parse(null, 15)).isEmpty();
    }
}
