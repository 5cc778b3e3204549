package dev.mixtape.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.playlist.PlaylistConfig;
import dev.mixtape.algo.playlist.prompt.BuiltInPromptInterpreter;
import dev.mixtape.app.server.Engine;
import dev.mixtape.connectors.http.LocalRemoteCache;
import dev.mixtape.connectors.http.RemoteCache;
import dev.mixtape.connectors.http.RemoteOptions;
import dev.mixtape.connectors.provider.MusicProvider;
import dev.mixtape.connectors.provider.ProviderConfig;
import dev.mixtape.connectors.provider.Providers;
import dev.mixtape.connectors.workflow.RemotePlaylists;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code bench remote}: the mood-to-playlist workflow against {@link RemoteStub} (Spotify + ReccoBeats, 100–300 ms
 * per call, 429 beyond N calls per 30 s per host), once on the naive path (one id per call, one call after another,
 * no cache, no limiter; it retries like the apps we replace) and once on the optimised one (batches, concurrency,
 * caches, de-duplication, a token bucket that honours Retry-After). For each prompt and path, fresh caches: a cold
 * playlist, then the same playlist again (warm). Reports wall time and remote calls (429s included).
 */
final class RemoteBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> PROMPTS = List.of("happy summer party, like Daft Punk", "calm rainy sunday morning, acoustic",
            "energetic workout, no rap", "melancholic late night drive, indie rock");

    private RemoteBench() {}

    /** One path's figures for one prompt. */
    record Run(String path, String prompt, double coldMs, int coldCalls, int coldThrottled, double warmMs, int warmCalls, int tracks,
               String error) {}

    static ObjectNode run(Engine engine, int prompts, int length, int minLatency, int maxLatency, int limit, boolean includeNaive,
                          PrintStream progress) throws Exception {
        return run(engine, prompts, length, minLatency, maxLatency, limit, 30, includeNaive, progress);
    }

    /** @param windowSeconds the stub's rate-limit window (30 s in the bench; shorter in tests) */
    static ObjectNode run(Engine engine, int prompts, int length, int minLatency, int maxLatency, int limit, int windowSeconds,
                          boolean includeNaive, PrintStream progress) throws Exception {
        ObjectNode out = JSON.createObjectNode();
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("latency_ms", minLatency + "-" + maxLatency);
        out.put("rate_limit", limit + " calls per " + windowSeconds + " s per host, then 429 with Retry-After");
        out.put("playlist_length", length);
        try (RemoteStub stub = new RemoteStub(engine, minLatency, maxLatency, limit, windowSeconds)) {
            // JIT warm-up: one optimised playlist of another prompt, fresh caches, not counted
            Run warmup = once(engine, stub, "optimised", "chill study session, instrumental", length,
                    new PrintStream(java.io.OutputStream.nullOutputStream()));
            out.put("warmup_cold_ms", Math.round(warmup.coldMs()));
            ArrayNode runs = out.putArray("runs");
            ObjectNode summary = out.putObject("paths");
            for (String path : includeNaive ? List.of("optimised", "naive") : List.of("optimised")) {
                double coldMax = 0;
                double warmMax = 0;
                int callsMax = 0;
                int warmCallsMax = 0;
                double coldSum = 0;
                double warmSum = 0;
                int n = 0;
                for (String prompt : PROMPTS.subList(0, Math.min(prompts, PROMPTS.size()))) {
                    Run r = once(engine, stub, path, prompt, length, progress);
                    ObjectNode j = runs.addObject();
                    j.put("path", r.path()).put("prompt", r.prompt()).put("cold_ms", Math.round(r.coldMs())).put("cold_calls", r.coldCalls())
                            .put("cold_429s", r.coldThrottled()).put("warm_ms", Math.round(r.warmMs())).put("warm_calls", r.warmCalls())
                            .put("tracks", r.tracks());
                    if (r.error() != null) {
                        j.put("error", r.error());
                    }
                    coldMax = Math.max(coldMax, r.coldMs());
                    warmMax = Math.max(warmMax, r.warmMs());
                    callsMax = Math.max(callsMax, r.coldCalls());
                    warmCallsMax = Math.max(warmCallsMax, r.warmCalls());
                    coldSum += r.coldMs();
                    warmSum += r.warmMs();
                    n++;
                }
                summary.putObject(path).put("cold_ms_mean", Math.round(coldSum / n)).put("cold_ms_max", Math.round(coldMax))
                        .put("cold_calls_max", callsMax).put("warm_ms_mean", Math.round(warmSum / n)).put("warm_ms_max", Math.round(warmMax))
                        .put("warm_calls_max", warmCallsMax);
            }
            ObjectNode opt = (ObjectNode) summary.get("optimised");
            ObjectNode targets = out.putObject("targets");
            targets.put("cold_under_2s", opt.get("cold_ms_max").asLong() <= 2000);
            targets.put("cold_calls_at_most_25", opt.get("cold_calls_max").asInt() <= 25);
            targets.put("warm_under_200ms", opt.get("warm_ms_max").asLong() <= 200);
            if (summary.has("naive")) {
                out.put("speedup_cold", Math.round(10.0 * summary.get("naive").get("cold_ms_mean").asDouble() / opt.get("cold_ms_mean").asDouble()) / 10.0);
            }
        }
        return out;
    }

    private static Run once(Engine engine, RemoteStub stub, String path, String prompt, int length, PrintStream progress) {
        boolean optimised = path.equals("optimised");
        RemoteOptions options = RemoteOptions.defaults(Duration.ofSeconds(60));
        if (!optimised) {
            options = options.naive();
        }
        RemoteCache cache = new LocalRemoteCache(100_000);
        ProviderConfig config = new ProviderConfig("spotify+reccobeats", stub.spotifyUri(), stub.spotifyUri(), "bench", "bench", false,
                stub.reccobeatsUri(), Duration.ofSeconds(60), 10, 16, 8, Duration.ofSeconds(20));
        MusicProvider provider = Providers.create(config, () -> null, cache, options);
        RemotePlaylists workflow = new RemotePlaylists(provider, engine.catalog(), new BuiltInPromptInterpreter(), cache, PlaylistConfig.DEFAULT,
                optimised);
        stub.resetCounts();
        long t0 = System.nanoTime();
        RemotePlaylists.Result cold;
        try {
            cold = workflow.generate(prompt, length, null, 0L, null);
        } catch (RuntimeException e) {
            double ms = (System.nanoTime() - t0) / 1e6;
            progress.printf("%-9s cold FAILED after %.0f ms, %d calls: %s%n", path, ms, stub.calls(), e.getMessage());
            return new Run(path, prompt, ms, stub.calls(), stub.throttled(), Double.NaN, 0, 0, e.getMessage());
        }
        double coldMs = (System.nanoTime() - t0) / 1e6;
        int coldCalls = stub.calls();
        int throttled = stub.throttled();
        stub.resetCounts();
        long t1 = System.nanoTime();
        RemotePlaylists.Result warm = workflow.generate(prompt, length, null, 0L, null);
        double warmMs = (System.nanoTime() - t1) / 1e6;
        int warmCalls = stub.calls();
        RemotePlaylists.Report rep = cold.report();
        progress.printf("%-9s %-45s cold %6.0f ms %4d calls (%d x 429; remote: anchors %.0f, candidates %.0f, enrichment %.0f ms)   "
                        + "warm %6.0f ms %4d calls   %d tracks%n", path, "\"" + prompt + "\"", coldMs, coldCalls, throttled, rep.anchorsMs(),
                rep.candidatesMs(), rep.enrichmentMs(), warmMs, warmCalls, warm.playlist().entries().size());
        return new Run(path, prompt, coldMs, coldCalls, throttled, warmMs, warmCalls, cold.playlist().entries().size(), null);
    }
}
