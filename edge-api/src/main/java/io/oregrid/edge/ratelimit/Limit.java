package io.oregrid.edge.ratelimit;

/**
 * The limits of SPEC "Rate limits", each with its bucket-key prefix and its label on
 * {@code ore_rate_limited_total{limit=...}}.
 */
enum Limit {
    /** Location updates per player. */
    LOCATION("location"),
    /** Authenticated requests per user. */
    USER("user"),
    /** {@code /api/v1/auth/*} requests per client IP. */
    AUTH_IP("auth_ip"),
    /** Failed logins per account. */
    LOGIN_LOCKOUT("login_lockout");

    private final String tag;

    Limit(String tag) {
        this.tag = tag;
    }

    /** @return the metric label value, also the bucket-key prefix */
    String tag() {
        return tag;
    }

    /** @return the bucket key of {@code subject} under this limit */
    String key(String subject) {
        return tag + ':' + subject;
    }
}
