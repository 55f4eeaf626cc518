package io.oregrid.edge.http;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import io.oregrid.store.support.StoreException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that turns failures into the SPEC error envelope
 * {@code {"error","code","request_id",...}}: {@link ApiException}s as they are, Javalin's own
 * responses (404 route, 405 method, 413 size) mapped to SPEC codes, a database failure to 503
 * {@code DEPENDENCY_UNAVAILABLE} (no SQL or cause in the body), anything unexpected to a
 * generic 500 whose cause is logged with the request id and never shown.
 */
public final class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {
    }

    /** Registers the exception and status handlers on the app's routes. */
    public static void install(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> render(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, fromStatus(e.getStatus())));
        routes.exception(Exception.class, (e, ctx) ->
                render(ctx, translate(e, "request " + RequestIds.of(ctx) + " " + ctx.method() + " " + ctx.path())));
        routes.error(404, ctx -> {
            if (!hasEnvelope(ctx)) {
                render(ctx, ApiException.of(ErrorCode.NOT_FOUND, "no such route: " + ctx.method() + " " + ctx.path()));
            }
        });
        routes.error(405, ctx -> {
            if (!hasEnvelope(ctx)) {
                render(ctx, ApiException.of(ErrorCode.METHOD_NOT_ALLOWED, "method " + ctx.method() + " not allowed here"));
            }
        });
        routes.error(413, ctx -> {
            if (!hasEnvelope(ctx)) {
                render(ctx, ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "request body too large"));
            }
        });
    }

    /**
     * Whether a failure means PostgreSQL could not take or give what a request needed: a MapStore's
     * {@link StoreException} anywhere in the causes (Hazelcast may wrap it). The request changed
     * nothing durable; the client may retry (with the same Idempotency-Key).
     */
    static boolean databaseUnavailable(Throwable e) {
        return StoreException.isCauseOf(e);
    }

    /**
     * The one translation of an unexpected failure into the SPEC envelope, shared by REST and
     * WebSocket: the grid or the database unavailable → 503 {@code DEPENDENCY_UNAVAILABLE}
     * (logged as a warning), anything else → 500 {@code INTERNAL_ERROR} (logged with its cause).
     * The client never sees the cause.
     *
     * @param e    the failure
     * @param what what was being done, for the log line (request id, route or message type)
     */
    public static ApiException translate(Exception e, String what) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof HazelcastInstanceNotActiveException) {
            LOG.warn("{} failed: grid not active", what);
            return ApiException.of(ErrorCode.DEPENDENCY_UNAVAILABLE, "the grid is not available");
        }
        if (databaseUnavailable(e)) {
            LOG.warn("{} failed: database unavailable", what, e);
            return ApiException.of(ErrorCode.DEPENDENCY_UNAVAILABLE, "the database is unavailable; retry later");
        }
        LOG.error("{} failed", what, e);
        return ApiException.of(ErrorCode.INTERNAL_ERROR, "internal error");
    }

    private static ApiException fromStatus(int status) {
        return switch (status) {
            case 404 -> ApiException.of(ErrorCode.NOT_FOUND, "not found");
            case 405 -> ApiException.of(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed");
            case 413 -> ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "request body too large");
            case 415 -> ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported media type");
            case 401 -> ApiException.of(ErrorCode.AUTH_MISSING, "authentication required");
            case 403 -> ApiException.of(ErrorCode.FORBIDDEN, "forbidden");
            case 503 -> ApiException.of(ErrorCode.DEPENDENCY_UNAVAILABLE, "service unavailable");
            default -> status >= 400 && status < 500
                    ? ApiException.of(ErrorCode.VALIDATION_FAILED, "bad request")
                    : ApiException.of(ErrorCode.INTERNAL_ERROR, "internal error");
        };
    }

    private static boolean hasEnvelope(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute("ore.envelope"));
    }

    /** Writes {@code e} as the error envelope with its status (and {@code Retry-After}). */
    public static void render(Context ctx, ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("code", e.code().name());
        body.put("request_id", RequestIds.of(ctx));
        body.putAll(e.extra());
        if (e.retryAfterS() != null) {
            ctx.header("Retry-After", Long.toString(e.retryAfterS()));
        }
        ctx.header(RequestIds.HEADER, RequestIds.of(ctx));
        ctx.attribute("ore.envelope", true);
        ctx.status(e.code().status()).json(body);
    }
}
