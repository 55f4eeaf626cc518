package io.oregrid.edge.liveops;

import io.javalin.http.Context;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.node.liveops.EventSignatures;

import java.util.Locale;

/**
 * The HMAC door of {@code /events} and {@code /rewards/*} (SPEC: authenticated by HMAC, not JWT):
 * the signature is checked over the raw body before anything parses it.
 */
final class SignedRequests {
    private final EventSignatures signatures;
    private final long maxBodyBytes;

    /** @param signatures the verifier, or null when no secret is configured (every request 503) */
    SignedRequests(EventSignatures signatures, long maxBodyBytes) {
        this.signatures = signatures;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @return the raw body of a correctly signed JSON request
     * @throws ApiException 503 when not configured, 413 over the limit, 401 SIGNATURE_INVALID, 415 not JSON
     */
    byte[] body(Context ctx) {
        if (signatures == null) {
            throw ApiException.of(ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "event ingestion is not configured on this node (ORE_EVENTS_HMAC_SECRET)");
        }
        byte[] raw = Bodies.raw(ctx, maxBodyBytes);
        if (!signatures.verify(ctx.header(EventSignatures.HEADER), raw)) {
            throw ApiException.of(ErrorCode.SIGNATURE_INVALID,
                    "missing, malformed, expired or wrong " + EventSignatures.HEADER);
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        return raw;
    }
}
