package io.oregrid.node.liveops;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies HMAC-SHA256 against the test vectors of RFC 4231 §4.2–4.8 (the seed's vectors are wrong,
 * SPEC says so) and the constant-time comparison's handling of malformed input.
 */
class HmacSha256Test {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] repeat(int b, int n) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void rfc4231TestCases() {
        assertThat(HmacSha256.hex(repeat(0x0b, 20), ascii("Hi There")))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(HmacSha256.hex(ascii("Jefe"), ascii("what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(HmacSha256.hex(repeat(0xaa, 20), repeat(0xdd, 50)))
                .isEqualTo("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        assertThat(HmacSha256.hex(HEX.parseHex("0102030405060708090a0b0c0d0e0f10111213141516171819"), repeat(0xcd, 50)))
                .isEqualTo("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        assertThat(HmacSha256.hex(repeat(0x0c, 20), ascii("Test With Truncation")).substring(0, 32))
                .as("test case 5, truncated to 128 bits").isEqualTo("a3b6167473100ee06e0c796c2955552b");
        assertThat(HmacSha256.hex(repeat(0xaa, 131), ascii("Test Using Larger Than Block-Size Key - Hash Key First")))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        assertThat(HmacSha256.hex(repeat(0xaa, 131), ascii("This is a test using a larger than block-size key and a "
                + "larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")))
                .isEqualTo("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    @Test
    void matchesOnlyTheExactMacWhateverTheCaseOfItsHex() {
        byte[] mac = HmacSha256.mac(ascii("Jefe"), ascii("what do ya want for nothing?"));
        String hex = HEX.formatHex(mac);
        assertThat(HmacSha256.matches(mac, hex)).isTrue();
        assertThat(HmacSha256.matches(mac, hex.toUpperCase())).isTrue();
        assertThat(HmacSha256.matches(mac, hex.substring(0, 63) + (hex.endsWith("3") ? "4" : "3"))).isFalse();
        assertThat(HmacSha256.matches(mac, hex.substring(2))).isFalse();
        assertThat(HmacSha256.matches(mac, "zz" + hex.substring(2))).isFalse();
        assertThat(HmacSha256.matches(mac, null)).isFalse();
    }
}
