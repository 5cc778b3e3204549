package dev.mixtape.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.app.server.Engine;
import java.io.PrintStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remote playlist workflow end to end over HTTP: {@link RemoteBench} against {@link RemoteStub} (Spotify and
 * ReccoBeats wire formats, served from the full catalog) with a short latency, both paths. Asserts what the bench
 * reports: playlists of the asked length, the calls each path makes, and that a warm cache makes none.
 */
class RemoteWorkflowIT {
    static Engine engine;

    @BeforeAll
    static void load() throws Exception {
        engine = Engine.of(BenchData.loadCatalog(BenchData.catalogFile(null)));
    }

    @Test
    void optimisedPathStaysWithinTheCallBudgetAndAWarmCacheCallsNothing() throws Exception {
        ObjectNode r = RemoteBench.run(engine, 2, 30, 2, 8, 10_000, true, new PrintStream(java.io.OutputStream.nullOutputStream()));
        for (JsonNode run : r.get("runs")) {
            assertThat(run.has("error")).as("run %s", run).isFalse();
            assertThat(run.get("tracks").asInt()).as("run %s", run).isEqualTo(30);
        }
        JsonNode opt = r.get("paths").get("optimised");
        JsonNode naive = r.get("paths").get("naive");
        assertThat(opt.get("cold_calls_max").asInt()).isBetween(5, 25);
        assertThat(opt.get("warm_calls_max").asInt()).isZero();
        // one call per id, no cache: an order of magnitude more calls, cold and warm alike
        assertThat(naive.get("cold_calls_max").asInt()).isGreaterThan(10 * opt.get("cold_calls_max").asInt());
        assertThat(naive.get("warm_calls_max").asInt()).isGreaterThan(100);
    }

    @Test
    void throttlingIsWaitedOutNotFailed() throws Exception {
        // 4 calls per 2 s per host: the optimised path meets 429s with Retry-After and still finishes
        ObjectNode r = RemoteBench.run(engine, 1, 20, 1, 3, 4, 2, false, new PrintStream(java.io.OutputStream.nullOutputStream()));
        JsonNode run = r.get("runs").get(0);
        assertThat(run.has("error")).as("run %s", run).isFalse();
        assertThat(run.get("cold_429s").asInt()).as("run %s", run).isPositive();
        assertThat(run.get("tracks").asInt()).isEqualTo(20);
    }
}
