package io.oregrid.edge.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that waits become whole {@code Retry-After} seconds rounded up, so a client never retries too early. */
class RetryAfterTest {

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertThat(RateLimiter.retryAfterS(0)).isZero();
        assertThat(RateLimiter.retryAfterS(1)).isEqualTo(1);
        assertThat(RateLimiter.retryAfterS(1_000_000_000L)).isEqualTo(1);
        assertThat(RateLimiter.retryAfterS(1_000_000_001L)).isEqualTo(2);
    }
}
