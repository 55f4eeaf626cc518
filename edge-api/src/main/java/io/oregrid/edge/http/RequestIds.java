package io.oregrid.edge.http;

import io.javalin.http.Context;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Request ids (SPEC "Errors"): the client's {@code X-Request-ID} is echoed when it is 1–64 chars of
 * {@code [A-Za-z0-9._-]}, otherwise a new id is issued: this node's random 64-bit prefix (drawn once
 * at start) and a counter, both hex ({@code 3f9a...-1b}) — unique across nodes and restarts with
 * overwhelming probability, and no {@code SecureRandom} draw per request (the hot path's cost rules).
 * Request ids correlate logs; they are not secrets.
 */
public final class RequestIds {
    /** The header read and written. */
    public static final String HEADER = "X-Request-ID";
    private static final String ATTRIBUTE = "ore.request_id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String NODE = Long.toHexString(UUID.randomUUID().getMostSignificantBits()) + "-";
    private static final AtomicLong NEXT = new AtomicLong();

    private RequestIds() {
    }

    /** Before-handler: settles the request id and puts it on the response. */
    public static void assign(Context ctx) {
        String id = of(ctx);
        ctx.header(HEADER, id);
    }

    /** @return this request's id (settling it on first use) */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            String offered = ctx.header(HEADER);
            id = offered != null && VALID.matcher(offered).matches() ? offered : NODE + Long.toHexString(NEXT.incrementAndGet());
            ctx.attribute(ATTRIBUTE, id);
        }
        return id;
    }
}
