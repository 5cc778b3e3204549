package dev.mixtape.bench;

import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.PlaylistService;
import dev.mixtape.core.Catalog;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mood-to-playlist in process, as {@code POST /api/v1/playlists} runs it minus HTTP (prompt analysis
 * with the built-in interpreter, then phases 2–6): a fixed list of varied prompts, 30 tracks each,
 * first warmed up, then timed on {@code threads} threads for a fixed number of rounds; prints
 * p50/p90/p99/max latency and playlists per second.
 */
final class PlaylistBench {
    private static final String[] MOODS = {"happy", "sad", "calm", "energetic", "melancholic", "chill", "angry",
        "romantic", "dreamy", "uplifting", "dark", "mellow"};
    private static final String[] CONTEXTS = {"workout", "study session", "rainy sunday morning", "late night drive",
        "summer party", "cooking dinner", "falling asleep", "focus at work", "road trip", "winter evening",
        "yoga", "running"};
    private static final String[] EXTRAS = {"acoustic", "no rap", "with some jazz", "like Daft Punk",
        "a bit of latin", "nothing explicit", "very upbeat", "not too loud", "instrumental", "indie rock",
        "build up", "wind down", "80s synth pop", "classical piano", "edm", "lofi hip hop", "like Adele",
        "20 songs"};

    private PlaylistBench() {}

    /** The prompt list: every mood with every context, a rotating extra phrase; deterministic. */
    static List<String> prompts(int count) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (out.size() < count) {
            String mood = MOODS[i % MOODS.length];
            String context = CONTEXTS[(i / MOODS.length) % CONTEXTS.length];
            String extra = EXTRAS[(i * 7) % EXTRAS.length];
            out.add(mood + " " + context + ", " + extra);
            i++;
        }
        return out;
    }

    /** @param collaborative whether the Last.fm artist model serves (prompts naming an artist then expand through it) */
    static void run(Catalog catalog, int promptCount, int rounds, int threads, boolean collaborative, PrintStream out) throws Exception {
        Engine engine = Engine.of(catalog, 0);
        if (collaborative) {
            out.printf("collaborative neighbours: %s%n", BenchData.loadArtistModel(engine));
        }
        PlaylistService service = PlaylistService.builtIn();
        List<String> prompts = prompts(promptCount);
        for (int w = 0; w < 3; w++) {
            for (String p : prompts) {
                service.generate(engine, p, 30, null, null);
            }
        }
        int total = prompts.size() * rounds;
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int k = 0; k < threads; k++) {
            workers[k] = Thread.ofPlatform().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long t0 = System.nanoTime();
                    service.generate(engine, prompts.get(i % prompts.size()), 30, null, null);
                    latencies[i] = System.nanoTime() - t0;
                }
            });
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the prompts naming an artist ("like Daft Punk", "like Adele"), which expand through the artist model
        Latencies like = Latencies.of(java.util.stream.IntStream.range(0, total).filter(i -> prompts.get(i % prompts.size()).contains(" like "))
                .mapToLong(i -> latencies[i]).toArray());
        Latencies all = Latencies.of(latencies);
        out.printf("playlist benchmark: %d prompts x %d rounds, 30 tracks each, %d thread(s), catalog %,d tracks, %s%n",
                prompts.size(), rounds, threads, catalog.size(), collaborative ? "with the Last.fm artist model" : "no artist model");
        out.printf("latency ms   p50 %.2f   p90 %.2f   p99 %.2f   max %.2f%n", all.millis(0.50), all.millis(0.90),
                all.millis(0.99), all.maxMillis());
        if (like.count() > 0) {
            out.printf("\"like X\" prompts (%d of the %d): p50 %.2f   p99 %.2f   max %.2f ms%n", like.count(), total, like.millis(0.50),
                    like.millis(0.99), like.maxMillis());
        }
        out.printf("throughput   %.1f playlists/s (%d in %.2f s)%n", total / seconds, total, seconds);
    }
}
