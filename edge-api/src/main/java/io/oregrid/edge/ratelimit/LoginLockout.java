package io.oregrid.edge.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.Counter;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.node.grid.GridGateway;
import io.oregrid.grid.auth.Sha256;

import java.time.Duration;

/**
 * The per-account login lockout of SPEC "Rate limits" (NIST SP 800-63B §5.2.2, limiting failed
 * attempts): after {@code loginMaxFailures} (5) failed logins in quick succession the account is
 * locked for {@code loginLockoutS} (60 s) of game time; a locked login is refused with 429
 * RATE_LIMIT_EXCEEDED and {@code Retry-After} (not 401, which would read as "wrong password" and
 * hide when to retry) before any password is checked. A successful login clears the count.
 *
 * <p>Mechanism: one Bucket4j bucket per account of N tokens refilled N per lockout period. Each
 * attempt takes a token up front (so parallel guesses cannot overtake the count); a success puts
 * the bucket back to full; the failure that takes the last token pushes the bucket N − 1 tokens
 * into debt, so the next token arrives exactly one lockout period later. After a lockout one
 * attempt is allowed per L/N seconds until a success resets the count.
 *
 * <p>The account is the lower-cased e-mail as typed, whether or not such an account exists, so the
 * lockout itself does not reveal which addresses are registered. Bucket keys hold its SHA-256,
 * not the address.
 */
public final class LoginLockout {
    private final ProxyManager<String> buckets;
    private final GridGateway grid;
    private final int maxFailures;
    private final BucketConfiguration configuration;
    private final Counter refusals;

    LoginLockout(ProxyManager<String> buckets, GridGateway grid, int maxFailures, int lockoutS, Counter refusals) {
        this.buckets = buckets;
        this.grid = grid;
        this.maxFailures = maxFailures;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(maxFailures).refillGreedy(maxFailures, Duration.ofSeconds(lockoutS)))
                .build();
        this.refusals = refusals;
    }

    /**
     * Starts a login attempt for {@code account}.
     *
     * @param account the lower-cased e-mail the client sent
     * @return the attempt, to be settled with {@link Attempt#succeeded()} or {@link Attempt#failed()}
     * @throws ApiException 429 RATE_LIMIT_EXCEEDED with {@code Retry-After} while the account is locked
     */
    public Attempt begin(String account) {
        BucketProxy bucket = buckets.builder().build(Limit.LOGIN_LOCKOUT.key(Sha256.hex(account)), () -> configuration);
        ConsumptionProbe probe = grid.blocking(() -> bucket.tryConsumeAndReturnRemaining(1));
        if (!probe.isConsumed()) {
            refusals.increment();
            throw ApiException.rateLimited(ErrorCode.RATE_LIMIT_EXCEEDED,
                    "too many failed logins for this account; try again later",
                    RateLimiter.retryAfterS(probe.getNanosToWaitForRefill()));
        }
        return new Attempt(bucket, probe.getRemainingTokens());
    }

    /** One login attempt that holds a token of the account's bucket. */
    public final class Attempt {
        private final BucketProxy bucket;
        private final long remaining;

        private Attempt(BucketProxy bucket, long remaining) {
            this.bucket = bucket;
            this.remaining = remaining;
        }

        /** The password was right: the failure count starts again. */
        public void succeeded() {
            grid.blocking(() -> {
                bucket.reset();
                return null;
            });
        }

        /** The password was wrong: when this was the last allowed failure, the account locks. */
        public void failed() {
            if (remaining == 0 && maxFailures > 1) {
                grid.blocking(() -> bucket.consumeIgnoringRateLimits(maxFailures - 1));
            }
        }
    }
}
