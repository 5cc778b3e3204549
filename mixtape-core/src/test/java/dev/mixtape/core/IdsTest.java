package dev.mixtape.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdsTest {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void acceptsSpotifyIdsAndTheDocumentedAlphabet() {
        assertThat(Ids.isValid("4uLU6hMCjMI75M1A2tKUQC")).isTrue();
        assertThat(Ids.isValid("a")).isTrue();
        assertThat(Ids.isValid("a_b-C9")).isTrue();
        assertThat(Ids.isValid("x".repeat(64))).isTrue();
    }

    @Test
    void rejectsEverythingElse() {
        assertThat(Ids.isValid(null)).isFalse();
        assertThat(Ids.isValid("")).isFalse();
        assertThat(Ids.isValid("x".repeat(65))).isFalse();
        assertThat(Ids.isValid("abc def")).isFalse();
        assertThat(Ids.isValid("abc/def")).isFalse();
        assertThat(Ids.isValid("spotify:track:abc")).isFalse();
        assertThat(Ids.isValid("café")).isFalse();
        assertThat(Ids.isValid("abc\n")).isFalse();
        assertThat(Ids.isValid("٣")).as("non-ASCII digit").isFalse();
    }

    @Test
    void requireValidReturnsTheIdOrNamesKindAndValue() {
        assertThat(Ids.requireValid("track", "abc")).isEqualTo("abc");
        assertThatThrownBy(() -> Ids.requireValid("track", "bad id"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("invalid track id")
                .hasMessageContaining("'bad id'");
        assertThatThrownBy(() -> Ids.requireValid("artist", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("invalid artist id");
    }

    @Test
    void deriveIsStableBase62AndDependsOnKindAndKey() {
        String a = Ids.derive("artist", "daft punk");
        assertThat(a).matches("[0-9A-Za-z]{22}");
        assertThat(Ids.derive("artist", "daft punk")).isEqualTo(a);
        assertThat(Ids.derive("album", "daft punk")).isNotEqualTo(a);
        assertThat(Ids.derive("artist", "daft punk ")).isNotEqualTo(a);
        assertThat(Ids.isValid(a)).isTrue();
    }

    @Test
    void deriveManyKeysWithoutCollision() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Ids.derive("track", "key-" + i))).isTrue();
        }
    }

    /** Oracle: decoding the id from base62 gives back the first 128 bits of SHA-256(kind:key). */
    @Test
    void deriveEncodesTheFirst128BitsOfSha256() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("IdsTest seed=" + seed);
        Random rnd = new Random(seed);
        for (int i = 0; i < 500; i++) {
            String kind = randomString(rnd);
            String key = randomString(rnd);
            assertDecodesToHash(kind, key);
        }
        assertDecodesToHash("", "");
        assertDecodesToHash("artist", "daft punk");
    }

    private static String randomString(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int k = rnd.nextInt(12); k > 0; k--) {
            sb.append((char) (rnd.nextBoolean() ? 'a' + rnd.nextInt(26) : rnd.nextInt(0xD800)));
        }
        return sb.toString();
    }

    private static void assertDecodesToHash(String kind, String key) throws Exception {
        String id = Ids.derive(kind, key);
        assertThat(id).hasSize(22).matches("[0-9A-Za-z]{22}");
        BigInteger decoded = BigInteger.ZERO;
        for (char c : id.toCharArray()) {
            decoded = decoded.multiply(BigInteger.valueOf(62)).add(BigInteger.valueOf(BASE62.indexOf(c)));
        }
        byte[] hash = MessageDigest.getInstance("SHA-256").digest((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isEqualTo(new BigInteger(1, Arrays.copyOf(hash, 16)));
    }
}
