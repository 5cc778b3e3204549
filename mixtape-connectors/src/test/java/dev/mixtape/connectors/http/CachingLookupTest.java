package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachingLookupTest {
    final Fakes.Remote remote = new Fakes.Remote();
    final CountingCache cache = new CountingCache();
    final AbsentIds absent = new AbsentIds(10_000, 0.001, Duration.ofHours(1));
    final CachingLookup lookup = new CachingLookup(remote, cache, RemoteCache.Kind.TRACKS, absent);

    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add((i % 10 == 0 ? "missing" : "k") + i);
        }
        return ids;
    }

    @Test
    void foundAndAbsentIdsAreAnsweredFromTheCacheTheSecondTime() {
        List<String> ids = ids(85);
        Map<String, JsonNode> first = lookup.get(ids);
        assertThat(first).hasSize(85 - 9).doesNotContainKey("missing0");
        assertThat(first.keySet()).containsExactlyElementsOf(ids.stream().filter(id -> id.startsWith("k")).toList()); // request order
        assertThat(remote.batches).containsExactly(ids);

        assertThat(lookup.get(ids)).isEqualTo(first);
        assertThat(remote.batches).hasSize(1);
        assertThat(cache.get(RemoteCache.Kind.ABSENT, "TRACKS:missing0")).isPresent();
        assertThat(absent.mightBeAbsent("TRACKS:missing0")).isTrue();
    }

    @Test
    void aHitNeverReachesTheInnerLookup() {
        cache.put(RemoteCache.Kind.TRACKS, "k1", Fakes.obj("k1").toString());
        Lookup never = ids -> {
            throw new AssertionError("the inner lookup was asked for " + ids);
        };
        CachingLookup cached = new CachingLookup(never, cache, RemoteCache.Kind.TRACKS, absent);
        assertThat(cached.get(List.of("k1", "k1"))).containsOnlyKeys("k1");
        assertThat(cached.get(List.of("k1")).get("k1").path("name").asText()).isEqualTo("v-k1");
    }

    @Test
    void onlyTheMissesAreAskedFor() {
        lookup.get(List.of("k1", "k2"));
        lookup.get(List.of("k2", "k3", "missing4", "k1"));
        assertThat(remote.batches).containsExactly(List.of("k1", "k2"), List.of("k3", "missing4"));
    }

    @Test
    void theNegativeCacheIsReadOnlyForIdsTheBloomRegistrySuspects() {
        lookup.get(List.of("k1", "k2", "k3"));
        assertThat(cache.reads(RemoteCache.Kind.ABSENT)).as("no id was ever absent: no negative-cache read").isZero();

        lookup.get(List.of("missing1"));
        assertThat(cache.reads(RemoteCache.Kind.ABSENT)).isZero();
        lookup.get(List.of("missing1", "k4"));
        assertThat(cache.reads).filteredOn(r -> r.kind() == RemoteCache.Kind.ABSENT).singleElement()
                .satisfies(r -> assertThat(r.keys()).containsExactly("TRACKS:missing1"));
        assertThat(remote.batches).containsExactly(List.of("k1", "k2", "k3"), List.of("missing1"), List.of("k4"));
    }

    @Test
    void aBloomFalsePositiveDoesNotHideAnId() {
        absent.add("TRACKS:k7"); // suspected, but the negative cache (the authority) does not have it
        assertThat(lookup.get(List.of("k7"))).containsOnlyKeys("k7");
        assertThat(remote.batches).containsExactly(List.of("k7"));
    }

    @Test
    void negativeEntriesAreKeptPerKind() {
        lookup.get(List.of("missing1"));
        CachingLookup artists = new CachingLookup(remote, cache, RemoteCache.Kind.ARTISTS, absent);
        artists.get(List.of("missing1"));
        assertThat(remote.batches).hasSize(2); // absent as a track says nothing about an artist
    }

    @Test
    void foundObjectsOfAPartialFailureAreKeptButFailedIdsAreNotMarkedAbsent() {
        Lookup failing = ids -> {
            throw new Lookup.PartialFailure(Map.of("k1", Fakes.obj("k1")), List.of("k2"), new IllegalStateException("503"));
        };
        CachingLookup partly = new CachingLookup(failing, cache, RemoteCache.Kind.TRACKS, absent);
        assertThatThrownBy(() -> partly.get(List.of("k1", "k2", "missing3"))).isInstanceOf(Lookup.PartialFailure.class);
        assertThat(cache.get(RemoteCache.Kind.TRACKS, "k1")).isPresent();
        assertThat(cache.get(RemoteCache.Kind.ABSENT, "TRACKS:k2")).as("a failed id is not absent").isEmpty();
        assertThat(absent.mightBeAbsent("TRACKS:k2")).isFalse();
        assertThat(cache.get(RemoteCache.Kind.ABSENT, "TRACKS:missing3")).as("answered, not found").isPresent();

        // afterwards only the failed id is asked again
        lookup.get(List.of("k1", "k2", "missing3"));
        assertThat(remote.batches).containsExactly(List.of("k2"));
    }

    @Test
    void anUnreadableEntryIsFetchedAgain() {
        cache.put(RemoteCache.Kind.TRACKS, "k1", "{not json");
        assertThat(lookup.get(List.of("k1"))).containsOnlyKeys("k1");
        assertThat(remote.batches).containsExactly(List.of("k1"));
    }
}
