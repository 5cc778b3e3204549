package dev.mixtape.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.config.ConfigLoader;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.core.Catalog;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many listeners at once over loopback, a bounded run: each of {@code users} virtual users (one virtual
 * thread each, all started together) creates itself, sets a personality, posts 50 events, opens a
 * session, reads its history, posts 10 more events and opens a session twice more (a recomputation,
 * then a cached answer): 8 requests each, with an optional think time before each step after the first
 * (arrivals are spread over one think time). Reports errors and latency percentiles per endpoint. Starts
 * its own server on the embedded defaults (a temporary home) unless given {@code --url}.
 */
final class UsersLoad {
    private UsersLoad() {}

    static int run(String url, int users, Duration timeout, Duration think, PrintStream out) throws Exception {
        MixtapeApp app = null;
        Path home = null;
        if (url == null) {
            home = Files.createTempDirectory("mixtape-users-load");
            MixtapeConfig cfg = new ConfigLoader(System.getenv(), Map.of("home", home.toString(), "port", "0")).load();
            out.println("starting a server on the embedded defaults in " + home + " (imports the catalog first)...");
            app = MixtapeApp.start(cfg);
            app.loadCatalog((phase, done, total) -> {});
            url = "http://127.0.0.1:" + app.port();
        }
        try {
            Catalog catalog = app != null ? app.engines().get().catalog() : BenchData.loadCatalog(BenchData.catalogFile(null));
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            List<String> examples = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(users);
            String base = url;
            String run = Long.toString(System.currentTimeMillis(), 36);
            for (int u = 0; u < users; u++) {
                int index = u;
                Thread.ofVirtual().start(() -> {
                    try {
                        go.await();
                        // arrivals spread over the first think time, so that the listeners are not in lock step
                        if (!think.isZero()) {
                            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(think.toMillis() + 1));
                        }
                        scenario(http, base, catalog, "load-" + run + "-" + index, index, timeout, think, latencies, errors, examples);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            long start = System.nanoTime();
            go.countDown();
            done.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            int total = latencies.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum();
            int failed = errors.values().stream().mapToInt(AtomicInteger::get).sum();
            out.printf(Locale.ROOT, "%d concurrent listeners, think time %d ms, %d requests in %.1f s (%.0f req/s), %d errors%n", users,
                    think.toMillis(), total + failed, seconds, (total + failed) / seconds, failed);
            out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s %8s%n", "endpoint", "count", "p50 ms", "p90 ms", "p99 ms", "max ms");
            Latencies all = new Latencies();
            for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(latencies).entrySet()) {
                Latencies v = Latencies.of(e.getValue());
                e.getValue().forEach(all::record);
                out.printf(Locale.ROOT, "%-28s %8d %8.1f %8.1f %8.1f %8.1f%n", e.getKey(), v.count(), v.millis(0.5), v.millis(0.9),
                        v.millis(0.99), v.maxMillis());
            }
            if (all.count() > 0) {
                out.printf(Locale.ROOT, "%-28s %8d %8.1f %8.1f %8.1f %8.1f%n", "all", all.count(), all.millis(0.5), all.millis(0.9),
                        all.millis(0.99), all.maxMillis());
            }
            errors.forEach((k, n) -> out.printf(Locale.ROOT, "errors %s: %d%n", k, n.get()));
            examples.stream().limit(5).forEach(x -> out.println("  e.g. " + x));
            return failed == 0 ? 0 : 1;
        } finally {
            if (app != null) {
                app.close();
            }
            if (home != null) {
                BenchData.deleteTree(home);
            }
        }
    }

    private static void scenario(HttpClient http, String base, Catalog catalog, String user, int index, Duration timeout,
                                 Duration think, Map<String, ConcurrentLinkedQueue<Long>> latencies, Map<String, AtomicInteger> errors,
                                 List<String> examples) {
        Instant now = Instant.now();
        String traits = String.format(Locale.ROOT, "{\"traits\":{\"openness\":%.2f,\"conscientiousness\":%.2f,\"extraversion\":%.2f,"
                + "\"agreeableness\":%.2f,\"neuroticism\":%.2f}}", (index % 10) / 10.0, (index % 7) / 7.0, (index % 5) / 5.0,
                (index % 3) / 3.0, (index % 11) / 11.0);
        String[][] steps = {
            {"POST /api/v1/users", "POST", "/api/v1/users", "{\"id\":\"" + user + "\"}"},
            {"PUT personality", "PUT", "/api/v1/users/" + user + "/personality", traits},
            {"POST /api/v1/events (50)", "POST", "/api/v1/events", ListenerFixture.text(ListenerFixture.batch(catalog, user, 50, now, 20, index, "a"))},
            {"POST /api/v1/sessions", "POST", "/api/v1/sessions", "{\"user_id\":\"" + user + "\"}"},
            {"GET history", "GET", "/api/v1/users/" + user + "/history", null},
            {"POST /api/v1/events (10)", "POST", "/api/v1/events", ListenerFixture.text(ListenerFixture.batch(catalog, user, 10, now, 1, index + 1_000_000L, "b"))},
            {"POST /api/v1/sessions", "POST", "/api/v1/sessions", "{\"user_id\":\"" + user + "\"}"},
            {"POST /api/v1/sessions (cached)", "POST", "/api/v1/sessions", "{\"user_id\":\"" + user + "\"}"},
        };
        for (String[] s : steps) {
            if (!think.isZero() && s != steps[0]) {
                try {
                    Thread.sleep(think.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + s[2])).timeout(timeout).header("Content-Type", "application/json");
            b.method(s[1], s[3] == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(s[3]));
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                long dt = System.nanoTime() - t0;
                if (r.statusCode() >= 300) {
                    errors.computeIfAbsent(s[0] + " " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    examples.add(s[0] + ": " + r.statusCode() + " " + r.body());
                    return;
                }
                if (s[0].endsWith("(cached)")) {
                    JsonNode body = ListenerFixture.JSON.readTree(r.body());
                    if (!body.path("metadata").path("cache_status").asText().equals("hit")) {
                        errors.computeIfAbsent("session not cached", k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                latencies.computeIfAbsent(s[0], k -> new ConcurrentLinkedQueue<>()).add(dt);
            } catch (Exception e) {
                errors.computeIfAbsent(s[0] + " " + e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                examples.add(s[0] + ": " + e);
                return;
            }
        }
    }
}
