package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BatchingLookupTest {
    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add((i % 10 == 0 ? "missing" : "k") + i);
        }
        return ids;
    }

    @Test
    void idsGoInFullBatchesAndRepeatsAreAskedOnce() {
        Fakes.Remote remote = new Fakes.Remote();
        List<String> ids = new ArrayList<>(ids(85));
        ids.add("k1");
        ids.add("k84");
        Map<String, JsonNode> got = new BatchingLookup(remote, 40).get(ids);
        assertThat(remote.batches).extracting(List::size).containsExactlyInAnyOrder(40, 40, 5);
        assertThat(remote.batches.stream().flatMap(List::stream)).doesNotHaveDuplicates().hasSize(85);
        assertThat(got).hasSize(85 - 9).containsKey("k1").doesNotContainKey("missing0");
    }

    @Test
    void oneBatchIsOneCallInRequestOrder() {
        Fakes.Remote remote = new Fakes.Remote();
        new BatchingLookup(remote, 40).get(List.of("k3", "k1", "k2", "k1"));
        assertThat(remote.batches).containsExactly(List.of("k3", "k1", "k2"));
    }

    @Test
    void batchesAreSentConcurrently() {
        // every batch waits until all three have started: sequential batches would never get there
        Fakes.Remote remote = new Fakes.Remote();
        CountDownLatch allStarted = new CountDownLatch(3);
        remote.entered = allStarted;
        remote.hold = allStarted;
        assertThat(new BatchingLookup(remote, 10).get(ids(30))).hasSize(27);
        assertThat(remote.batches).hasSize(3);
    }

    @Test
    void aFailedBatchKeepsTheObjectsOfTheOthers() {
        Fakes.Remote remote = new Fakes.Remote();
        remote.failOn = "k45"::equals;
        List<String> ids = ids(100);
        Lookup.PartialFailure e = catchThrowableOfType(Lookup.PartialFailure.class, () -> new BatchingLookup(remote, 40).get(ids));
        assertThat(remote.batches).hasSize(3);
        assertThat(e.failed()).containsExactlyElementsOf(ids.subList(40, 80));
        assertThat(e.partial()).containsKeys("k1", "k39", "k81", "k99").doesNotContainKeys("k41", "k45", "missing0")
                .hasSize(36 + 18); // 0..39 without the four "missing", 80..99 without two
        assertThat(e.reason()).isInstanceOf(IllegalStateException.class).hasMessageContaining("batch failed");
    }

    @Test
    void aSingleFailedBatchThrowsItsOwnFailure() {
        Fakes.Remote remote = new Fakes.Remote();
        remote.failOn = id -> true;
        assertThatThrownBy(() -> new BatchingLookup(remote, 40).get(List.of("k1", "k2"))).isInstanceOf(IllegalStateException.class);
        assertThat(remote.batches).hasSize(1);
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> new BatchingLookup(new Fakes.Remote(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
