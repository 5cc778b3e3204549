package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TwoLevelRemoteCacheTest {
    final CountingCache first = new CountingCache();
    final CountingCache second = new CountingCache();
    final TwoLevelRemoteCache cache = new TwoLevelRemoteCache(first, second);

    @Test
    void writesGoToBothLevels() {
        cache.put(RemoteCache.Kind.TRACKS, "t1", "{}");
        assertThat(first.store.get(RemoteCache.Kind.TRACKS, "t1")).contains("{}");
        assertThat(second.store.get(RemoteCache.Kind.TRACKS, "t1")).contains("{}");
    }

    @Test
    void aFirstLevelHitDoesNotAskTheSecond() {
        cache.put(RemoteCache.Kind.TRACKS, "t1", "{\"id\":\"t1\"}");
        assertThat(cache.get(RemoteCache.Kind.TRACKS, "t1")).contains("{\"id\":\"t1\"}");
        assertThat(second.reads).isEmpty();
    }

    @Test
    void onlyTheFirstLevelsMissesAreAskedOfTheSecondAndCopiedBack() {
        first.store.put(RemoteCache.Kind.TRACKS, "t1", "one");
        second.store.put(RemoteCache.Kind.TRACKS, "t2", "two");
        assertThat(cache.getAll(RemoteCache.Kind.TRACKS, List.of("t1", "t2", "t3"))).containsOnlyKeys("t1", "t2")
                .containsEntry("t2", "two");
        assertThat(second.reads).singleElement().satisfies(r -> assertThat(r.keys()).containsExactly("t2", "t3"));
        assertThat(first.store.get(RemoteCache.Kind.TRACKS, "t2")).as("copied into the first level").contains("two");

        // asked again: the first level answers t2 now
        cache.getAll(RemoteCache.Kind.TRACKS, List.of("t2"));
        assertThat(second.reads).hasSize(1);
    }

    @Test
    void kindsAreSeparate() {
        cache.put(RemoteCache.Kind.TRACKS, "x", "track");
        assertThat(cache.get(RemoteCache.Kind.ARTISTS, "x")).isEmpty();
        assertThat(second.reads).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo(RemoteCache.Kind.ARTISTS));
    }
}
