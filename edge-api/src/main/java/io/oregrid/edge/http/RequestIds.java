package io.oregrid.edge.http;

import io.javalin.http.Context;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids (SPEC "Errors"): the client's {@code X-Request-ID} is echoed when it is 1–64 chars of
 * {@code [A-Za-z0-9._-]}, otherwise a new UUID is issued. Every response carries it.
 */
public final class RequestIds {
    /** The header read and written. */
    public static final String HEADER = "X-Request-ID";
    private static final String ATTRIBUTE = "ore.request_id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

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
            id = offered != null && VALID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
            ctx.attribute(ATTRIBUTE, id);
        }
        return id;
    }
}
