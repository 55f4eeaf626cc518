package io.oregrid.edge.social;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.grid.chat.ChatChannel;
import io.oregrid.node.realtime.ChatService;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chat history (SPEC capability 14; seed 001 §7.1 {@code GET /social/chat/{channel}/messages}):
 * {@code GET /api/v1/social/chat/{channel}/messages?limit=<n>} with {@code channel} = {@code global}
 * or {@code cell:<token>} (a game-level S2 cell) → 200
 * {@code {"channel","messages":[{"id","channel","from","user_id","text","timestamp"}]}}: the newest
 * {@code limit} messages (default 50, 1–100), oldest first. Any authenticated player may read any
 * channel. 400 VALIDATION_FAILED names {@code channel} or {@code limit}.
 */
public final class ChatRoutes implements EdgeModule {
    private final ChatService chat;
    private final int cellLevel;

    /**
     * @param cellLevel the game's S2 level (cell channel tokens are cells of it)
     */
    public ChatRoutes(ChatService chat, int cellLevel) {
        this.chat = chat;
        this.cellLevel = cellLevel;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.get("/api/v1/social/chat/{channel}/messages", this::history);
    }

    private void history(Context ctx) {
        ChatChannel channel = ChatChannel.parse(ctx.pathParam("channel"), cellLevel).orElseThrow(() ->
                ApiException.invalid("channel", "channel must be 'global' or 'cell:<S2 token at level " + cellLevel + ">'"));
        int limit = Bodies.queryInt(ctx, "limit", 50, 1, 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel.name());
        body.put("messages", chat.history(channel, limit).stream().map(ChatJson::of).toList());
        ctx.json(body);
    }
}
