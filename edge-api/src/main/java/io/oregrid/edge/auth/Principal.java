package io.oregrid.edge.auth;

import io.javalin.http.Context;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;

/**
 * The verified caller of an authenticated request, read from the access token's claims
 * (SPEC "Auth"). Set on the context by the auth filter; handlers read it with {@link #of(Context)}.
 *
 * @param userId           {@code sub} / {@code user_id}
 * @param email            {@code email}
 * @param username         {@code username}
 * @param role             {@code role}: player, advertiser, analyst or admin
 * @param genesis          {@code is_genesis}
 * @param bonusMultiplier  {@code bonus_multiplier}: 1.0 or 2.0
 * @param autoCollectRangeM {@code auto_collect_range}, metres
 * @param expiresAtMs      {@code exp}, epoch ms
 */
public record Principal(String userId, String email, String username, String role, boolean genesis,
                        double bonusMultiplier, double autoCollectRangeM, long expiresAtMs) {

    /** Context attribute the auth filter stores the principal under. */
    public static final String ATTRIBUTE = "ore.principal";

    /**
     * @return the caller of this request
     * @throws ApiException 401 {@code AUTH_MISSING} when the route ran without the auth filter's principal
     */
    public static Principal of(Context ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        if (p == null) {
            throw ApiException.of(ErrorCode.AUTH_MISSING, "authentication required");
        }
        return p;
    }
}
