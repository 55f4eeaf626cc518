package io.oregrid.edge.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.game.CoinCollects;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorHandlers;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.edge.location.LocationUpdates;
import io.oregrid.grid.chat.ChatChannel;
import io.oregrid.grid.chat.ChatMessage;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.node.game.CollectOutcome;
import io.oregrid.node.realtime.ChatService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.Map;

/**
 * The one dispatch switch of client messages (STYLE: one typed envelope, one switch): parses the
 * envelope ({@link ClientMessage}), enforces the handshake, then runs the same core operations as
 * REST — {@link LocationUpdates}, {@link CoinCollects}, {@link ChatService} — and answers with a
 * {@code <type>.result}, an {@code error}, or the control replies of SPEC "WebSocket {@code /ws}".
 *
 * <p>Every refusal is an {@code error} message and the connection stays open, until a connection
 * has had more than {@code ORE_WS_MAX_ERRORS_PER_MINUTE} of them in a minute: then close 4008.
 */
final class Dispatcher {

    private final Handshake handshake;
    private final Connections connections;
    private final Membership membership;
    private final LocationUpdates locations;
    private final CoinCollects collects;
    private final ChatService chat;
    private final RealtimeMetrics metrics;
    private final int cellLevel;

    Dispatcher(Handshake handshake, Connections connections, Membership membership, LocationUpdates locations,
               CoinCollects collects, ChatService chat, RealtimeMetrics metrics, int cellLevel) {
        this.handshake = handshake;
        this.connections = connections;
        this.membership = membership;
        this.locations = locations;
        this.collects = collects;
        this.chat = chat;
        this.metrics = metrics;
        this.cellLevel = cellLevel;
    }

    /** Handles one text frame of {@code c}. */
    void onText(Connection c, String text) {
        if (c.phase() == Connection.Phase.CLOSED) {
            return;
        }
        ClientMessage m;
        try {
            m = ClientMessage.parse(text);
        } catch (ApiException e) {
            metrics.in("invalid");
            refuseBeforeDispatch(c, e);
            return;
        }
        metrics.in(m.type().wire());
        if (c.phase() == Connection.Phase.AWAITING_AUTH) {
            if (m.type() == MessageType.AUTH) {
                handshake.auth(c, m);
            } else {
                handshake.refuse(c, ApiException.of(ErrorCode.AUTH_MISSING, "the first message must be auth"), m.id());
            }
            return;
        }
        if (handshake.closeIfExpired(c)) {
            return;
        }
        try {
            switch (m.type()) {
                case AUTH -> handshake.auth(c, m);
                case SUBSCRIBE -> subscribe(c, m);
                case UNSUBSCRIBE -> unsubscribe(c, m);
                case LOCATION_UPDATE -> locationUpdate(c, m);
                case CHAT_MESSAGE -> chatMessage(c, m);
                case GAME_ACTION -> gameAction(c, m);
                case PING -> c.send(Outbound.pong(m.id()));
            }
        } catch (RuntimeException e) {
            refuse(c, ErrorHandlers.translate(e, c + " " + m.type().wire()), m);
        }
    }

    /** Handles a binary frame: the protocol is JSON text only. */
    void onBinary(Connection c) {
        metrics.in("binary");
        refuseBeforeDispatch(c, ApiException.of(ErrorCode.VALIDATION_FAILED, "binary frames are not supported; send JSON text"));
    }

    private void refuseBeforeDispatch(Connection c, ApiException e) {
        if (c.phase() == Connection.Phase.AWAITING_AUTH) {
            handshake.refuse(c, e, null);
        } else if (c.phase() == Connection.Phase.OPEN) {
            refuse(c, e, null);
        }
    }

    /** A refusal that arrived with the grid's answer, on the continuation thread. */
    private void refuseLater(Connection c, ClientMessage m, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        refuse(c, ErrorHandlers.translate(cause instanceof Exception e ? e : new IllegalStateException(cause),
                c + " " + m.type().wire()), m);
    }

    private void refuse(Connection c, ApiException e, ClientMessage m) {
        c.send(Outbound.error(e, m == null ? null : m.type(), m == null ? null : m.id()));
        if (!c.errors().spend()) {
            connections.close(c, CloseCodes.POLICY, "too many errors");
        }
    }

    private void subscribe(Connection c, ClientMessage m) {
        List<String> accepted = new ArrayList<>();
        for (String name : channels(m)) {
            Channel channel = Channel.parse(name, cellLevel).orElse(null);
            if (channel == null) {
                refuse(c, ApiException.invalid("channels", "unknown channel '" + name + "'").with("channel", name), m);
            } else if (channel.isLocation() && !membership.isNear(c, channel.cellToken())) {
                refuse(c, ApiException.of(ErrorCode.FORBIDDEN, "location channels are open for cells near your position")
                        .with("channel", name), m);
            } else {
                accepted.add(name);
            }
        }
        if (!membership.subscribe(c, accepted)) {
            throw ApiException.invalid("channels", "at most " + Membership.MAX_SUBSCRIPTIONS + " subscriptions per connection");
        }
        c.send(Outbound.channels("subscribed", accepted, m.id()));
    }

    private void unsubscribe(Connection c, ClientMessage m) {
        List<String> names = channels(m);
        membership.unsubscribe(c, names);
        c.send(Outbound.channels("unsubscribed", names, m.id()));
    }

    /** @return the {@code channels} array of strings (1–64 entries) */
    private static List<String> channels(ClientMessage m) {
        JsonNode array = m.fields().get("channels");
        if (array == null || !array.isArray() || array.isEmpty() || array.size() > Membership.MAX_SUBSCRIPTIONS) {
            throw ApiException.invalid("channels", "channels must be an array of 1-" + Membership.MAX_SUBSCRIPTIONS + " names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                throw ApiException.invalid("channels", "channels must be strings");
            }
            names.add(n.asText());
        }
        return names;
    }

    /** Replies when the grid answers; the socket's thread does not wait (WebSocket messages take no per-user token). */
    private void locationUpdate(Connection c, ClientMessage m) {
        locations.apply(c.principal(), m::fields, false).whenComplete((result, failure) -> {
            if (failure != null) {
                refuseLater(c, m, failure);
                return;
            }
            membership.follow(c, result.cellToken(), result.acceptedFixes());
            c.send(Outbound.reply(m.type(), m.id(), LocationUpdates.acceptedBody(result)));
        });
    }

    private void gameAction(Connection c, ClientMessage m) {
        String action = Bodies.requireString(m.fields(), "action");
        if (!"collect".equals(action)) {
            throw ApiException.invalid("action", "action must be 'collect'");
        }
        String coinId = Bodies.requireString(m.fields(), "target");
        JsonNode key = m.fields().get("request_id");
        if (key != null && !key.isNull() && !key.isTextual()) {
            throw ApiException.invalid("request_id", "request_id must be a string");
        }
        collects.apply(c.principal(), coinId, key == null ? null : key.textValue(), "request_id", false)
                .whenComplete((outcome, failure) -> {
                    if (failure != null) {
                        refuseLater(c, m, failure);
                        return;
                    }
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("action", action);
                    data.putAll(CoinCollects.body(outcome.record()));
                    data.put("replayed", outcome.status() == CollectOutcome.Status.REPLAYED);
                    c.send(Outbound.reply(m.type(), m.id(), data));
                });
    }

    private void chatMessage(Connection c, ClientMessage m) {
        String name = Bodies.requireString(m.fields(), "channel");
        ChatChannel channel = ChatChannel.parse(name, cellLevel).orElseThrow(() ->
                ApiException.invalid("channel", "channel must be 'global' or 'cell:<token>'"));
        String text = Bodies.requireString(m.fields(), "text");
        int chars = text.codePointCount(0, text.length());
        if (chars < 1 || chars > ChatService.MAX_TEXT_CHARS) {
            throw ApiException.invalid("text", "text must be 1-" + ChatService.MAX_TEXT_CHARS + " characters");
        }
        if (channel.cellToken() != null && !membership.isNear(c, channel.cellToken())) {
            throw membership.hasPosition(c)
                    ? ApiException.of(ErrorCode.FORBIDDEN, "cell chats are open for cells near your position")
                    : ApiException.of(ErrorCode.NO_POSITION, "send a location first to chat in a cell");
        }
        Principal p = c.principal();
        ChatMessage posted = chat.post(channel, p.userId(), p.username(), text);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", posted.id());
        data.put("channel", posted.channel());
        data.put("timestamp", posted.timestampMs());
        c.send(Outbound.reply(m.type(), m.id(), data));
    }
}
