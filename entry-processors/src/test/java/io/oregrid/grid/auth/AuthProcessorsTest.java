package io.oregrid.grid.auth;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the auth processors as plain functions of (entry, arguments): outcomes, and that a re-run changes nothing. */
class AuthProcessorsTest {
    private static final long NOW = 1_700_000_000_000L;

    private static Map.Entry<String, RefreshTokenRecord> entry(RefreshTokenRecord value) {
        return new AbstractMap.SimpleEntry<>("hash", value);
    }

    private static RefreshTokenRecord active() {
        return RefreshTokenRecord.active("user", "u@example.com", "family", NOW - 1000, NOW + 1000);
    }

    @Test
    void rotationMovesActiveToRotatedAndARerunAnswersTheSame() {
        var e = entry(active());
        var rotate = new RotateRefreshTokenProcessor(NOW, "next");

        RotationResult first = rotate.process(e);
        RefreshTokenRecord afterFirst = e.getValue();
        RotationResult rerun = rotate.process(e);

        assertThat(first.outcome()).isEqualTo(RotationResult.Outcome.ROTATED);
        assertThat(afterFirst.state()).isEqualTo(RefreshTokenState.ROTATED);
        assertThat(afterFirst.successorHash()).isEqualTo("next");
        assertThat(rerun.outcome()).isEqualTo(RotationResult.Outcome.ROTATED);
        assertThat(e.getValue()).isEqualTo(afterFirst);
    }

    @Test
    void aSecondExchangeIsReuse() {
        var e = entry(active());
        new RotateRefreshTokenProcessor(NOW, "next").process(e);

        RotationResult again = new RotateRefreshTokenProcessor(NOW, "other").process(e);

        assertThat(again.outcome()).isEqualTo(RotationResult.Outcome.REUSED);
        assertThat(again.token().familyId()).isEqualTo("family");
        assertThat(e.getValue().successorHash()).isEqualTo("next");
    }

    @Test
    void revokedTokensAreReuseAndExpiredOrMissingOnesAreRefusedUnchanged() {
        var revoked = entry(active().with(RefreshTokenState.REVOKED, null));
        assertThat(new RotateRefreshTokenProcessor(NOW, "n").process(revoked).outcome()).isEqualTo(RotationResult.Outcome.REUSED);

        var expired = entry(active());
        assertThat(new RotateRefreshTokenProcessor(NOW + 1000, "n").process(expired).outcome())
                .isEqualTo(RotationResult.Outcome.EXPIRED);
        assertThat(expired.getValue()).isEqualTo(active());

        assertThat(new RotateRefreshTokenProcessor(NOW, "n").process(entry(null)).outcome())
                .isEqualTo(RotationResult.Outcome.UNKNOWN);
    }

    @Test
    void revokeIsIdempotent() {
        var e = entry(active().with(RefreshTokenState.ROTATED, "next"));
        assertThat(new RevokeRefreshTokenProcessor().process(e)).isTrue();
        assertThat(e.getValue().state()).isEqualTo(RefreshTokenState.REVOKED);
        assertThat(e.getValue().successorHash()).isEqualTo("next");
        assertThat(new RevokeRefreshTokenProcessor().process(e)).isFalse();
        assertThat(new RevokeRefreshTokenProcessor().process(entry(null))).isFalse();
    }

    @Test
    void changeRoleOnlyTouchesTheSameUser() {
        UserRecord user = new UserRecord("id-1", "a@example.com", "a", "hash", Role.PLAYER, false, NOW);
        Map.Entry<String, UserRecord> e = new AbstractMap.SimpleEntry<>("a@example.com", user);

        assertThat(new ChangeRoleProcessor("id-2", Role.ADMIN).process(e)).isNull();
        assertThat(e.getValue().role()).isEqualTo(Role.PLAYER);
        assertThat(new ChangeRoleProcessor("id-1", Role.ANALYST).process(e).role()).isEqualTo(Role.ANALYST);
        assertThat(new ChangeRoleProcessor("id-1", Role.ANALYST).process(e)).isEqualTo(e.getValue());
    }

    @Test
    void signingKeyFlagsAreSetIdempotently() {
        SigningKeyRecord key = new SigningKeyRecord("kid", "pub", "priv", NOW, true, false);
        Map.Entry<String, SigningKeyRecord> e = new AbstractMap.SimpleEntry<>("kid", key);

        assertThat(new SetSigningKeyFlagsProcessor(false, true).process(e)).isEqualTo(key.with(false, true));
        assertThat(new SetSigningKeyFlagsProcessor(false, true).process(e)).isEqualTo(key.with(false, true));
        assertThat(new SetSigningKeyFlagsProcessor(false, true).process(new AbstractMap.SimpleEntry<>("x", null))).isNull();
    }

    @Test
    void mapValuesUseCompactNotJavaSerialization() {
        for (Class<?> c : new Class<?>[]{UserRecord.class, RefreshTokenRecord.class, SigningKeyRecord.class, RotationResult.class}) {
            assertThat(Serializable.class.isAssignableFrom(c)).as(c.getSimpleName()).isFalse();
        }
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(new UserRecord("id", "e@example.com", "n", "$2b$10$secret", Role.PLAYER, false, 0).toString())
                .doesNotContain("secret");
        assertThat(new SigningKeyRecord("kid", "pub", "PRIVATE", 0, true, false).toString()).doesNotContain("PRIVATE");
    }

    @Test
    void sha256IsHex() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
