package dev.mixtape.storage.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SharedTier} must do, run on the in-memory tier the unit tests use ({@link MapTier}) and on Redis
 * ({@code RedisSharedTierIT}), so a test that passes on the one means the same on the other. Instances from
 * {@link #open()} in one test share one store, as server instances share one Redis.
 */
public abstract class SharedTierContract {
    private final List<SharedTier> opened = new ArrayList<>();
    private final String prefix = "mixtape:test:" + UUID.randomUUID() + ":";

    /** A new instance on this test's shared store. */
    protected abstract SharedTier openInstance();

    protected final SharedTier open() {
        SharedTier t = openInstance();
        opened.add(t);
        return t;
    }

    protected final String key(String name) {
        return prefix + name;
    }

    @AfterEach
    void closeAll() {
        for (SharedTier t : opened) {
            t.close();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void valuesRoundTripBetweenInstancesAndMissingKeysMiss() {
        SharedTier a = open();
        SharedTier b = open();
        a.put(key("k"), bytes("hello"), Duration.ofMinutes(1));
        assertThat(b.get(key("k"))).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("hello"));
        a.put(key("k"), new byte[] {0, (byte) 0xff, 7}, Duration.ofMinutes(1)); // binary, replaced whole
        assertThat(b.get(key("k"))).hasValueSatisfying(v -> assertThat(v).containsExactly(0, 0xff, 7));
        assertThat(b.get(key("never-written"))).isEmpty();
        assertThat(a.available()).isTrue();
    }

    @Test
    void valuesExpireWithTheirTtl() {
        SharedTier a = open();
        a.put(key("short"), bytes("x"), Duration.ofMillis(300));
        a.put(key("long"), bytes("y"), Duration.ofMinutes(1));
        assertThat(a.get(key("short"))).isPresent();
        await().atMost(Duration.ofSeconds(3)).until(() -> a.get(key("short")).isEmpty());
        assertThat(a.get(key("long"))).isPresent();
    }

    @Test
    void aDeleteIsSeenByEveryInstance() {
        SharedTier a = open();
        SharedTier b = open();
        a.put(key("k"), bytes("v"), Duration.ofMinutes(1));
        b.delete(key("k"));
        assertThat(a.get(key("k"))).isEmpty();
        b.delete(key("not-there")); // harmless
    }

    @Test
    void anInvalidationReachesEveryInstanceThePublisherIncluded() {
        SharedTier a = open();
        SharedTier b = open();
        Set<String> seenByA = ConcurrentHashMap.newKeySet();
        Set<String> seenByB = ConcurrentHashMap.newKeySet();
        a.onInvalidation(seenByA::add);
        b.onInvalidation(seenByB::add);
        a.publishInvalidation(key("changed"));
        await().atMost(Duration.ofSeconds(3)).until(() -> seenByA.contains(key("changed")) && seenByB.contains(key("changed")));
    }

    @Test
    void twoCachesOverTheTierShareValuesAndInvalidations() {
        TieredCache a = new TieredCache(open());
        TieredCache b = new TieredCache(open());
        TieredCache.Codec<String> strings = StringCodec.INSTANCE;
        String user = prefix + "user";
        assertThat(a.get(CacheKind.RECOMMENDATIONS, user, strings, () -> "picks-1").status()).isEqualTo(TieredCache.Status.MISS);
        assertThat(b.get(CacheKind.RECOMMENDATIONS, user, strings, () -> "never"))
                .isEqualTo(new TieredCache.Cached<>("picks-1", TieredCache.Status.SHARED_HIT));
        a.invalidate(CacheKind.RECOMMENDATIONS, user);
        await().atMost(Duration.ofSeconds(3)).until(() -> b.peek(CacheKind.RECOMMENDATIONS, user) == null);
        assertThat(b.get(CacheKind.RECOMMENDATIONS, user, strings, () -> "picks-2").value()).isEqualTo("picks-2");
    }
}
