package io.oregrid.node.liveops;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the {@code X-Signature} rules: tolerance both ways, tampering, wrong key, rotation, malformed headers. */
class EventSignaturesTest {
    private static final byte[] CURRENT = "current-secret-0123456789abcdef-xyz".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREVIOUS = "previous-secret-0123456789abcdef-xy".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "another-secret-0123456789abcdef-xyzw".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"type\":\"progression\",\"playerId\":\"p\"}".getBytes(StandardCharsets.UTF_8);
    private final AtomicLong nowMs = new AtomicLong(1_700_000_000_500L);
    private final long nowS = 1_700_000_000L;
    private final EventSignatures current = new EventSignatures(List.of(CURRENT), 300, nowMs::get);

    @Test
    void acceptsAFreshSignatureAndTheToleranceEdgesOnly() {
        assertThat(current.verify(EventSignatures.sign(CURRENT, nowS, BODY), BODY)).isTrue();
        assertThat(current.verify(EventSignatures.sign(CURRENT, nowS - 300, BODY), BODY)).isTrue();
        assertThat(current.verify(EventSignatures.sign(CURRENT, nowS + 300, BODY), BODY)).isTrue();
        assertThat(current.verify(EventSignatures.sign(CURRENT, nowS - 301, BODY), BODY)).isFalse();
        assertThat(current.verify(EventSignatures.sign(CURRENT, nowS + 301, BODY), BODY)).isFalse();
    }

    @Test
    void refusesAFlippedBodyByteAWrongSecretAndMissingOrMalformedHeaders() {
        String header = EventSignatures.sign(CURRENT, nowS, BODY);
        byte[] flipped = BODY.clone();
        flipped[5] ^= 0x01;
        assertThat(current.verify(header, flipped)).isFalse();
        assertThat(current.verify(EventSignatures.sign(OTHER, nowS, BODY), BODY)).isFalse();
        assertThat(current.verify(null, BODY)).isFalse();
        assertThat(current.verify("", BODY)).isFalse();
        assertThat(current.verify(header.replace("t=", "ts="), BODY)).isFalse();
        assertThat(current.verify("t=" + nowS, BODY)).as("no v1").isFalse();
        assertThat(current.verify("t=" + nowS + ",t=" + nowS + "," + header.substring(header.indexOf("v1=")), BODY))
                .as("two timestamps").isFalse();
        assertThat(current.verify("t=abc," + header.substring(header.indexOf("v1=")), BODY)).isFalse();
        String otherT = EventSignatures.sign(CURRENT, nowS - 1, BODY);
        assertThat(current.verify("t=" + nowS + "," + otherT.substring(otherT.indexOf("v1=")), BODY))
                .as("v1 made for another t").isFalse();
    }

    @Test
    void duringRotationBothSecretsAndSeveralV1ValuesAreAccepted() {
        EventSignatures rotating = new EventSignatures(List.of(CURRENT, PREVIOUS), 300, nowMs::get);
        assertThat(rotating.verify(EventSignatures.sign(CURRENT, nowS, BODY), BODY)).isTrue();
        assertThat(rotating.verify(EventSignatures.sign(PREVIOUS, nowS, BODY), BODY)).isTrue();
        assertThat(current.verify(EventSignatures.sign(PREVIOUS, nowS, BODY), BODY)).as("after rotation").isFalse();
        String wrong = EventSignatures.sign(OTHER, nowS, BODY);
        String right = EventSignatures.sign(PREVIOUS, nowS, BODY);
        String both = wrong + "," + right.substring(right.indexOf("v1="));
        assertThat(rotating.verify(both, BODY)).isTrue();
        assertThat(rotating.verify(wrong + ",v0=ignored", BODY)).isFalse();
    }
}
