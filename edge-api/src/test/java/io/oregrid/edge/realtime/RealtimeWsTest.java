package io.oregrid.edge.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.OreServer;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.oregrid.edge.testing.WsClient;
import io.oregrid.grid.support.Geo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the {@code /ws} protocol with real WebSocket clients against started nodes: the
 * handshake and its close codes, subscriptions, moves and collects seen across two edge nodes,
 * chat to subscribers and into the REST history, refusals as {@code error} messages, the error
 * budget, the frame limit and the dropping of a reader that never reads.
 */
class RealtimeWsTest {
    private static final double LAT = -10.9393, LNG = -37.0627;
    private final List<WsClient> clients = new ArrayList<>();
    private EdgeFixture fixture;
    private OreServer node1;
    private Http http;

    @BeforeEach
    void start() {
        fixture = new EdgeFixture(Map.of("COIN_DENSITY_PER_CELL", "10", "RATE_LIMIT_PER_MINUTE", "100000",
                "LOCATION_MAX_UPDATES_PER_MINUTE", "100000", "AUTH_RATE_LIMIT_PER_MINUTE", "100000",
                "WS_AUTH_TIMEOUT_S", "1", "WS_MAX_MESSAGE_BYTES", "4096", "WS_SEND_QUEUE_MAX", "64",
                "WS_MAX_ERRORS_PER_MINUTE", "300"));
        node1 = fixture.start();
        http = new Http(node1.baseUrl());
    }

    @AfterEach
    void stop() {
        clients.forEach(WsClient::close);
        fixture.close();
    }

    private WsClient ws(OreServer node) {
        WsClient c = WsClient.connect(node.baseUrl());
        clients.add(c);
        return c;
    }

    private record Player(String id, String username, String token) {
    }

    private Player register() {
        String name = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Http.Response r = http.post("/api/v1/auth/register",
                Http.obj("email", name + "@example.com", "username", name, "password", "correct horse"), null);
        assertThat(r.status()).isEqualTo(201);
        return new Player(r.body().at("/user/id").asText(), name, r.body().get("access_token").asText());
    }

    private static JsonNode fix(double lat, double lng, long timestamp) {
        return Http.obj("lat", lat, "lng", lng, "accuracy", 5, "timestamp", timestamp);
    }

    private void moveByRest(Player p, double lat, double lng) {
        assertThat(http.post("/api/v1/location/update", fix(lat, lng, fixture.now.get()), p.token()).status()).isEqualTo(200);
    }

    private WsClient authed(OreServer node, Player p) {
        WsClient c = ws(node);
        assertThat(c.auth(p.token()).get("success").asBoolean()).isTrue();
        return c;
    }

    private static String cell(double lat, double lng) {
        return Geo.cellToken(lat, lng, 15);
    }

    @Test
    void handshakeSucceedsOrClosesWithTheSpecCode() {
        Player p = register();
        JsonNode ok = ws(node1).auth(p.token());
        assertThat(ok.get("success").asBoolean()).isTrue();
        assertThat(ok.get("user_id").asText()).isEqualTo(p.id());

        WsClient bad = ws(node1);
        JsonNode refused = bad.auth(p.token() + "x");
        assertThat(refused.get("success").asBoolean()).isFalse();
        assertThat(refused.get("code").asText()).isEqualTo("AUTH_INVALID_TOKEN");
        assertThat(bad.awaitClose(Duration.ofSeconds(5))).isEqualTo(4001);

        WsClient notAuth = ws(node1);
        notAuth.send("type", "ping");
        assertThat(notAuth.next("auth_result").get("code").asText()).isEqualTo("AUTH_MISSING");
        assertThat(notAuth.awaitClose(Duration.ofSeconds(5))).isEqualTo(4001);

        WsClient silent = ws(node1);
        assertThat(silent.next("auth_result").get("success").asBoolean()).isFalse();
        assertThat(silent.awaitClose(Duration.ofSeconds(5))).as("no auth within the timeout").isEqualTo(4002);

        fixture.advance(Duration.ofHours(25));
        WsClient late = ws(node1);
        JsonNode expired = late.auth(p.token());
        assertThat(expired.get("success").asBoolean()).isFalse();
        assertThat(expired.get("error").asText()).contains("expired");
        assertThat(late.awaitClose(Duration.ofSeconds(5))).isEqualTo(4003);
    }

    @Test
    void aSessionClosesWithinAFewSecondsOfItsTokensExpiry() {
        Player p = register();
        WsClient c = authed(node1, p);
        c.send("type", "ping", "id", "before");
        assertThat(c.next("pong").get("id").asText()).isEqualTo("before");
        fixture.advance(Duration.ofHours(24));
        assertThat(c.awaitClose(Duration.ofSeconds(5))).isEqualTo(4003);
    }

    @Test
    void subscriptionsAreAckedAndFarLocationCellsRefused() {
        Player p = register();
        moveByRest(p, LAT, LNG);
        WsClient c = authed(node1, p);
        String near = cell(LAT + 0.004, LNG);
        String far = cell(LAT + 1, LNG);
        c.send(Http.obj("type", "subscribe", "id", "s1",
                "channels", List.of("chat:global", "location:cell:" + near, "location:cell:" + far, "nonsense")));
        JsonNode forbidden = c.next("error");
        assertThat(forbidden.get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.get("channel").asText()).isEqualTo("location:cell:" + far);
        assertThat(forbidden.get("id").asText()).isEqualTo("s1");
        JsonNode unknown = c.next("error");
        assertThat(unknown.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknown.get("channel").asText()).isEqualTo("nonsense");
        JsonNode ack = c.next("subscribed");
        assertThat(ack.get("channels")).extracting(JsonNode::asText).containsExactly("chat:global", "location:cell:" + near);
        c.send(Http.obj("type", "unsubscribe", "channels", List.of("chat:global")));
        assertThat(c.next("unsubscribed").get("channels")).extracting(JsonNode::asText).containsExactly("chat:global");
        c.send("type", "ping");
        assertThat(c.next("pong")).isNotNull();
    }

    @Test
    void aMoveAndACollectOnOneNodeReachAPlayerOnAnotherNode() {
        OreServer node2 = fixture.start();
        Player a = register();
        Player b = register();
        moveByRest(b, LAT, LNG);
        WsClient bSocket = authed(node2, b);
        WsClient aSocket = authed(node1, a);

        aSocket.send(Http.obj("type", "location.update", "id", "m1", "data", fix(LAT + 0.0001, LNG, fixture.now.get())));
        JsonNode accepted = aSocket.next("location.update.result");
        assertThat(accepted.get("id").asText()).isEqualTo("m1");
        assertThat(accepted.at("/data/accepted").asBoolean()).isTrue();
        String cellId = accepted.at("/data/cell_id").asText();

        JsonNode seen = bSocket.next(m -> "players.nearby".equals(m.path("type").asText())
                && StreamSupport.stream(m.at("/data/players").spliterator(), false)
                .anyMatch(pl -> pl.get("user_id").asText().equals(a.id())), "A's move on node 2");
        assertThat(seen.at("/data/cell_id").asText()).isEqualTo(cellId);

        JsonNode coin = http.get("/api/v1/game/coins/nearby?radius=500", a.token()).body().get("coins").get(0);
        fixture.advance(Duration.ofSeconds(60));
        aSocket.send(Http.obj("type", "location.update", "data",
                fix(coin.get("lat").asDouble(), coin.get("lng").asDouble(), fixture.now.get())));
        aSocket.next("location.update.result");
        aSocket.send(Http.obj("type", "game.action", "id", "c1",
                "data", Http.obj("action", "collect", "target", coin.get("id").asText(), "request_id", "key-1")));
        JsonNode got = aSocket.next("game.action.result");
        assertThat(got.at("/data/collected").asBoolean()).isTrue();
        assertThat(got.at("/data/value").asLong()).isEqualTo(coin.get("value").asLong());
        assertThat(got.at("/data/replayed").asBoolean()).isFalse();

        JsonNode collected = bSocket.next("coins.collected");
        assertThat(collected.at("/data/coin_id").asText()).isEqualTo(coin.get("id").asText());
        assertThat(collected.at("/data/collected_by").asText()).isEqualTo(a.id());

        bSocket.send(Http.obj("type", "game.action", "data",
                Http.obj("action", "collect", "target", coin.get("id").asText(), "request_id", "key-b")));
        JsonNode refused = bSocket.next("error");
        assertThat(refused.get("code").asText()).isEqualTo("COIN_ALREADY_COLLECTED");
        assertThat(refused.get("in_reply_to").asText()).isEqualTo("game.action");

        aSocket.send(Http.obj("type", "game.action", "data",
                Http.obj("action", "collect", "target", coin.get("id").asText(), "request_id", "key-1")));
        JsonNode replay = aSocket.next("game.action.result");
        assertThat(replay.at("/data/replayed").asBoolean()).as("same request id, same answer").isTrue();
        assertThat(replay.at("/data/balance").asLong()).isEqualTo(got.at("/data/balance").asLong());
        aSocket.send(Http.obj("type", "game.action", "data", Http.obj("action", "collect", "target", coin.get("id").asText())));
        assertThat(aSocket.next("error").get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
    }

    @Test
    void locationUpdatesShareTheRestRulesAndLimit() {
        EdgeFixture strict = new EdgeFixture(Map.of("LOCATION_MAX_UPDATES_PER_MINUTE", "2", "RATE_LIMIT_PER_MINUTE", "100000"));
        try (strict) {
            OreServer node = strict.start();
            Http strictHttp = new Http(node.baseUrl());
            Http.Response reg = strictHttp.post("/api/v1/auth/register",
                    Http.obj("email", "rl@example.com", "username", "rl_player", "password", "correct horse"), null);
            String token = reg.body().get("access_token").asText();
            assertThat(strictHttp.post("/api/v1/location/update", fix(LAT, LNG, strict.now.get()), token).status()).isEqualTo(200);
            WsClient c = WsClient.connect(node.baseUrl());
            clients.add(c);
            c.auth(token);
            c.send(Http.obj("type", "location.update", "data", fix(LAT + 1, LNG, strict.now.get() + 1000)));
            JsonNode rejected = c.next("error");
            assertThat(rejected.get("code").asText()).isEqualTo("MOVEMENT_REJECTED");
            assertThat(rejected.get("reason").asText()).isEqualTo("SPEED_EXCEEDED");
            c.send(Http.obj("type", "location.update", "data", fix(LAT, LNG, strict.now.get() + 2000)));
            JsonNode limited = c.next("error");
            assertThat(limited.get("code").asText()).as("REST's update and the refused one counted").isEqualTo("LOCATION_RATE_LIMIT");
            assertThat(limited.get("retry_after").asLong()).isPositive();
            c.send(Http.obj("type", "location.update", "data", Http.obj("lat", 91, "lng", 0, "accuracy", 5, "timestamp", 1)));
            assertThat(c.next("error").get("code").asText()).isEqualTo("LOCATION_RATE_LIMIT");
        }
    }

    @Test
    void chatReachesTheChannelsSubscribersOnlyAndItsHistory() {
        OreServer node2 = fixture.start();
        Player alice = register();
        Player bob = register();
        Player carol = register();
        moveByRest(alice, LAT, LNG);
        WsClient aliceWs = authed(node1, alice);
        WsClient bobWs = authed(node2, bob);
        WsClient carolWs = authed(node2, carol);
        bobWs.send(Http.obj("type", "subscribe", "channels", List.of("chat:global")));
        bobWs.next("subscribed");
        String cellChannel = "cell:" + cell(LAT, LNG);
        carolWs.send(Http.obj("type", "subscribe", "channels", List.of("chat:" + cellChannel)));
        carolWs.next("subscribed");

        aliceWs.send(Http.obj("type", "chat.message", "id", "t1", "data", Http.obj("channel", "global", "text", "hello all")));
        JsonNode sent = aliceWs.next("chat.message.result");
        assertThat(sent.get("id").asText()).isEqualTo("t1");
        JsonNode heard = bobWs.next("chat.message");
        assertThat(heard.at("/data/text").asText()).isEqualTo("hello all");
        assertThat(heard.at("/data/from").asText()).isEqualTo(alice.username());
        assertThat(heard.at("/data/user_id").asText()).isEqualTo(alice.id());
        assertThat(heard.at("/data/channel").asText()).isEqualTo("global");

        aliceWs.send(Http.obj("type", "chat.message", "data", Http.obj("channel", cellChannel, "text", "hello cell")));
        aliceWs.next("chat.message.result");
        assertThat(carolWs.next("chat.message").at("/data/text").asText()).isEqualTo("hello cell");
        bobWs.send("type", "ping", "id", "sync");
        bobWs.next("pong");
        assertThat(bobWs.drain()).as("bob is not subscribed to the cell chat").isEmpty();
        carolWs.send("type", "ping", "id", "sync");
        carolWs.next("pong");
        assertThat(carolWs.drain()).as("carol is not subscribed to the global chat").isEmpty();

        bobWs.send(Http.obj("type", "chat.message", "data", Http.obj("channel", cellChannel, "text", "from afar")));
        assertThat(bobWs.next("error").get("code").asText()).as("bob has no position").isEqualTo("NO_POSITION");
        aliceWs.send(Http.obj("type", "chat.message", "data", Http.obj("channel", "global", "text", "x".repeat(501))));
        JsonNode tooLong = aliceWs.next("error");
        assertThat(tooLong.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooLong.get("field").asText()).isEqualTo("text");

        Http.Response global = new Http(node2.baseUrl()).get("/api/v1/social/chat/global/messages", bob.token());
        assertThat(global.status()).isEqualTo(200);
        assertThat(global.body().get("messages")).extracting(m -> m.get("text").asText()).containsExactly("hello all");
        Http.Response cellHistory = http.get("/api/v1/social/chat/" + cellChannel + "/messages?limit=10", bob.token());
        assertThat(cellHistory.body().get("messages")).extracting(m -> m.get("text").asText()).containsExactly("hello cell");
        assertThat(http.get("/api/v1/social/chat/nowhere/messages", bob.token()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.get("/api/v1/social/chat/global/messages?limit=0", bob.token()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.get("/api/v1/social/chat/global/messages", null).code()).isEqualTo("AUTH_MISSING");
    }

    @Test
    void twoHundredMalformedFramesGetTwoHundredErrorsAndTheSocketLives() {
        Player p = register();
        WsClient c = authed(node1, p);
        String[] bad = {"{not json", "[1,2]", "{\"type\":\"teleport\"}", "{\"type\":\"location.update\"}",
                "{\"data\":{}}", "{\"type\":\"game.action\",\"data\":{\"action\":\"collect\"}}", "42",
                "{\"type\":\"chat.message\",\"data\":{\"channel\":\"global\"}}"};
        for (int i = 0; i < 200; i++) {
            c.sendText(bad[i % bad.length]);
        }
        for (int i = 0; i < 200; i++) {
            JsonNode error = c.next("error");
            assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        }
        c.send("type", "ping");
        assertThat(c.next("pong")).isNotNull();
        assertThat(c.isClosed()).isFalse();
        assertThat(node1.meters().find("ore_ws_messages_in_total").tag("type", "invalid").counter().count()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void tooManyErrorsOrAnOversizedFrameCloseTheSocket() {
        EdgeFixture touchy = new EdgeFixture(Map.of("WS_MAX_ERRORS_PER_MINUTE", "5"));
        try (touchy) {
            OreServer node = touchy.start();
            String token = new Http(node.baseUrl()).post("/api/v1/auth/register",
                    Http.obj("email", "e@example.com", "username", "errors_1", "password", "correct horse"), null)
                    .body().get("access_token").asText();
            WsClient c = WsClient.connect(node.baseUrl());
            clients.add(c);
            c.auth(token);
            for (int i = 0; i < 6; i++) {
                c.sendText("{oops");
            }
            assertThat(c.awaitClose(Duration.ofSeconds(5))).isEqualTo(4008);
        }
        WsClient big = authed(node1, register());
        big.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
        assertThat(big.awaitClose(Duration.ofSeconds(5))).isEqualTo(1009);
    }

    @Test
    void aReaderThatNeverReadsIsDroppedWhileOthersKeepReceiving() {
        Player talker = register();
        WsClient talkerWs = authed(node1, talker);
        WsClient listener = authed(node1, register());
        listener.send(Http.obj("type", "subscribe", "channels", List.of("chat:global")));
        listener.next("subscribed");
        Player sleepy = register();
        WsClient sleeper = WsClient.connect(node1.baseUrl(), 2);
        clients.add(sleeper);
        sleeper.auth(sleepy.token());
        sleeper.send(Http.obj("type", "subscribe", "channels", List.of("chat:global")));

        String text = "z".repeat(500);
        int sent = 0;
        while (droppedOn(node1) == 0 && sent < 60_000) {
            for (int i = 0; i < 200; i++) {
                talkerWs.send(Http.obj("type", "chat.message", "data", Http.obj("channel", "global", "text", text)));
            }
            sent += 200;
            for (int i = 0; i < 200; i++) {
                talkerWs.next("chat.message.result");
                listener.next("chat.message");
            }
        }
        assertThat(droppedOn(node1)).as("dropped after %d messages", sent).isEqualTo(1);
        talkerWs.send(Http.obj("type", "chat.message", "data", Http.obj("channel", "global", "text", "still here?")));
        assertThat(listener.next(m -> "still here?".equals(m.at("/data/text").asText()), "the message after the drop")).isNotNull();
        sleeper.readEverything();
        assertThat(sleeper.awaitClose(Duration.ofSeconds(10))).isIn(4008, -1, 1006);
    }

    private static double droppedOn(OreServer node) {
        return node.meters().find("ore_ws_slow_consumers_dropped_total").counter().count();
    }
}
