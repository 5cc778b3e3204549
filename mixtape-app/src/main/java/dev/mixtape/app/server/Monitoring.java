package dev.mixtape.app.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Metrics and profiling. Micrometer with a Prometheus registry, scraped at {@code GET /metrics}:
 * <ul>
 *   <li>{@code http_server_requests_seconds} — latency histogram per route template, method and status;</li>
 *   <li>{@code mixtape_strategy_seconds} — latency histogram of computed (uncached) v2 answers per strategy;</li>
 *   <li>{@code mixtape_strategy_fallbacks_total} — fallback steps per strategy and kind;</li>
 *   <li>{@code mixtape_errors_total} — error answers per route and status;</li>
 *   <li>{@code mixtape_cache_hit_ratio}, {@code mixtape_cache_hits}, {@code mixtape_cache_misses} — per cache kind;</li>
 *   <li>{@code mixtape_model_info} — 1, tagged with the catalog (model) version and the collaborative model status.</li>
 * </ul>
 * {@code GET /api/v1/system/profiling} gives per-phase timing statistics (count, mean, p50, p95, p99, max over
 * the last 1,000 samples) and the 10 most recent samples, for the playlist workflow's phases, sessions and v2
 * strategies. Thread-safe.
 */
public final class Monitoring {
    static final int WINDOW = 1000;
    static final int RECENT = 10;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Phase> phases = new ConcurrentHashMap<>();

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Timing of each request by route template (unmatched paths count as one), and error answers. */
    public void register(Javalin app) {
        app.before(ctx -> ctx.attribute("mixtape.t0", System.nanoTime()));
        app.after(this::record);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        app.get("/api/v1/system/profiling", ctx -> ctx.json(profiling()));
    }

    private void record(Context ctx) {
        Long t0 = ctx.attribute("mixtape.t0");
        if (t0 == null) {
            return;
        }
        String route = ctx.endpointHandlerPath();
        // Javalin names a request no route matched "No handler matched request path/method (404/405)"
        if (route == null || route.isEmpty() || route.equals("*") || !route.startsWith("/")) {
            route = "unmatched";
        }
        int status = ctx.statusCode();
        Timer.builder("http.server.requests").tag("method", ctx.method().name()).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(Duration.ofNanos(System.nanoTime() - t0));
        if (status >= 400) {
            Counter.builder("mixtape.errors").tag("route", route).tag("status", Integer.toString(status)).register(registry).increment();
        }
    }

    /** A computed v2 answer's latency, by strategy. */
    public void strategy(String strategy, long nanos) {
        Timer.builder("mixtape.strategy").tag("strategy", strategy).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry).record(Duration.ofNanos(nanos));
        phase("v2." + strategy).add(nanos / 1e6);
    }

    public void fallback(String strategy, String kind) {
        Counter.builder("mixtape.strategy.fallbacks").tag("strategy", strategy).tag("kind", kind).register(registry).increment();
    }

    /** A timed phase (milliseconds) for the profiling endpoint, e.g. "playlist.seeds". */
    public void phase(String name, double ms) {
        phase(name).add(ms);
    }

    private Phase phase(String name) {
        return phases.computeIfAbsent(name, n -> new Phase());
    }

    /** Cache statistics as gauges, read at scrape time. */
    @SuppressWarnings("unchecked")
    public void cache(Supplier<Map<String, Object>> stats) {
        for (String kind : stats.get().keySet()) {
            Gauge.builder("mixtape.cache.hit.ratio", () -> number(((Map<String, Object>) stats.get().get(kind)).get("local_hit_rate")))
                    .tag("cache", kind).register(registry);
            Gauge.builder("mixtape.cache.hits", () -> number(((Map<String, Object>) stats.get().get(kind)).get("local_hits")))
                    .tag("cache", kind).register(registry);
            Gauge.builder("mixtape.cache.misses", () -> number(((Map<String, Object>) stats.get().get(kind)).get("local_misses")))
                    .tag("cache", kind).register(registry);
        }
    }

    /** The model versions as an info gauge; called whenever they change. */
    public void models(String catalogVersion, String collaborative) {
        registry.find("mixtape.model.info").gauges().forEach(registry::remove);
        Gauge.builder("mixtape.model.info", () -> 1).tag("catalog_version", catalogVersion).tag("collaborative", collaborative)
                .register(registry);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    Map<String, Object> profiling() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> ps = new java.util.TreeMap<>();
        phases.forEach((name, p) -> ps.put(name, p.summary()));
        out.put("phases", ps);
        out.put("window", WINDOW);
        out.put("generated_at", Instant.now().toString());
        return out;
    }

    /** The last {@value #WINDOW} samples of one phase, in a ring. */
    static final class Phase {
        private final double[] ring = new double[WINDOW];
        private final String[] at = new String[WINDOW];
        private long count;

        synchronized void add(double ms) {
            int i = (int) (count % WINDOW);
            ring[i] = ms;
            at[i] = Instant.now().toString();
            count++;
        }

        synchronized Map<String, Object> summary() {
            int n = (int) Math.min(count, WINDOW);
            double[] v = java.util.Arrays.copyOf(ring, n);
            java.util.Arrays.sort(v);
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            m.put("mean_ms", round(n == 0 ? 0 : sum / n));
            m.put("p50_ms", round(q(v, 0.50)));
            m.put("p95_ms", round(q(v, 0.95)));
            m.put("p99_ms", round(q(v, 0.99)));
            m.put("max_ms", round(n == 0 ? 0 : v[n - 1]));
            List<Map<String, Object>> recent = new ArrayList<>();
            for (int k = 1; k <= Math.min(RECENT, n); k++) {
                int i = (int) ((count - k) % WINDOW);
                recent.add(Map.of("at", at[i], "ms", round(ring[i])));
            }
            m.put("recent", recent);
            return m;
        }

        private static double q(double[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }
}
