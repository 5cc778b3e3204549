package dev.mixtape.connectors.reccobeats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.connectors.ManualClock;
import dev.mixtape.connectors.http.LocalRemoteCache;
import dev.mixtape.connectors.http.RemoteCache;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DenyListTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    final LocalRemoteCache store = new LocalRemoteCache(100);
    final DenyList denied = new DenyList(store, clock);

    @Test
    void aDenialHoldsFor24Hours() {
        denied.deny("s1,s2,s3|-n1", "negativeSeeds must be fewer than half of seeds", true);
        assertThat(denied.denial("s1,s2,s3|-n1")).hasValueSatisfying(d -> {
            assertThat(d.why()).isEqualTo("negativeSeeds must be fewer than half of seeds");
            assertThat(d.aboutNegatives()).isTrue();
            assertThat(d.until()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        });
        clock.now = clock.now.plus(Duration.ofHours(24)).minusSeconds(1);
        assertThat(denied.denied("s1,s2,s3|-n1")).as("a second before the end").isTrue();
        clock.now = clock.now.plusSeconds(1);
        assertThat(denied.denied("s1,s2,s3|-n1")).as("24 h after").isFalse();
        assertThat(DenyList.TTL).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void onlyTheDeniedCombinationIsDenied() {
        denied.deny("s1|-", "bad seed", false);
        assertThat(denied.denied("s1|-")).isTrue();
        assertThat(denied.denied("s1,s2|-")).isFalse();
        assertThat(denied.denial("s1|-")).hasValueSatisfying(d -> assertThat(d.aboutNegatives()).isFalse());
    }

    @Test
    void denialsLiveInTheCacheStoreSoEveryInstanceSharingItSeesThem() {
        denied.deny("s1|-", "bad seed", false);
        assertThat(store.get(RemoteCache.Kind.DENIED, "s1|-")).hasValueSatisfying(json -> assertThat(json)
                .contains("\"why\":\"bad seed\"", "\"until\":\"2026-11-23T10:00:00Z\""));
        DenyList otherInstance = new DenyList(store, clock);
        assertThat(otherInstance.denied("s1|-")).isTrue();
    }

    @Test
    void anUnreadableEntryDeniesNothing() {
        store.put(RemoteCache.Kind.DENIED, "s1|-", "{not json");
        assertThat(denied.denied("s1|-")).isFalse();
        store.put(RemoteCache.Kind.DENIED, "s2|-", "{\"why\":\"x\",\"until\":\"tomorrow\"}");
        assertThat(denied.denied("s2|-")).isFalse();
    }
}
