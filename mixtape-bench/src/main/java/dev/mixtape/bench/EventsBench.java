package dev.mixtape.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.listener.SessionWeights;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.EngineHolder;
import dev.mixtape.app.server.EventIngest;
import dev.mixtape.app.server.ListenerServices;
import dev.mixtape.core.Catalog;
import dev.mixtape.storage.cache.TieredCache;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcListenerStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event ingestion throughput: batches of events through {@link EventIngest#ingest} (per-event
 * validation, the store's transaction, cache invalidation; minus HTTP) into a fresh database, H2 file
 * (the default) or a throw-away schema on PostgreSQL. Each batch holds events of many listeners with
 * their own idempotency keys. Prints events per second and per-batch latency percentiles.
 */
final class EventsBench {
    private EventsBench() {}

    static void run(Catalog catalog, String pgUrl, int batches, int batchSize, int users, int threads, PrintStream out) throws Exception {
        Path tmp = null;
        String schema = null;
        Database db;
        if (pgUrl == null) {
            tmp = Files.createTempDirectory("mixtape-events-bench");
            db = Database.open(Database.h2Url(tmp), "", "");
        } else {
            schema = "mixtape_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(pgUrl, "postgres", ""); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            }
            db = Database.open(pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true",
                    "postgres", "");
        }
        ListenerServices services = null;
        try {
            EngineHolder engines = new EngineHolder();
            engines.set(Engine.of(catalog, 0));
            services = ListenerServices.over(new JdbcListenerStore(db.dataSource()), new TieredCache(null), engines,
                    SessionWeights.DEFAULT, Clock.systemUTC());
            EventIngest service = services.events();
            Instant now = Instant.now();
            int warm = Math.max(5, batches / 10);
            List<ObjectNode> bodies = new ArrayList<>();
            for (int b = 0; b < warm + batches; b++) {
                bodies.add(mixed(catalog, b, batchSize, users, now));
            }
            for (int b = 0; b < warm; b++) {
                service.ingest(bodies.get(b));
            }
            long[] latency = new long[batches];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger accepted = new AtomicInteger();
            Thread[] workers = new Thread[threads];
            long start = System.nanoTime();
            for (int k = 0; k < threads; k++) {
                workers[k] = Thread.ofPlatform().start(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < batches) {
                        long t0 = System.nanoTime();
                        accepted.addAndGet(service.ingest(bodies.get(warm + i)).accepted());
                        latency[i] = System.nanoTime() - t0;
                    }
                });
            }
            for (Thread w : workers) {
                w.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Latencies lat = Latencies.of(latency);
            out.printf(Locale.ROOT, "store: %s%n", pgUrl == null ? "H2 file (embedded default)" : "PostgreSQL " + pgUrl);
            out.printf(Locale.ROOT, "batches: %d x %d events over %d listeners, %d threads, %d warm-up batches first%n",
                    batches, batchSize, users, threads, warm);
            out.printf(Locale.ROOT, "accepted: %d of %d%n", accepted.get(), batches * batchSize);
            out.printf(Locale.ROOT, "throughput: %.0f events/s (%.1f s)%n", accepted.get() / seconds, seconds);
            out.printf(Locale.ROOT, "batch latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", lat.millis(0.50), lat.millis(0.90),
                    lat.millis(0.99), lat.maxMillis());
        } finally {
            if (services != null) {
                services.close();
            }
            db.close();
            if (schema != null) {
                try (Connection c = DriverManager.getConnection(pgUrl, "postgres", ""); Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
            if (tmp != null) {
                BenchData.deleteTree(tmp);
            }
        }
    }

    /** One batch of {@code size} events from listeners spread over {@code users}, unique keys. */
    private static ObjectNode mixed(Catalog catalog, int b, int size, int users, Instant now) {
        ObjectNode body = ListenerFixture.JSON.createObjectNode();
        var events = body.putArray("events");
        int perUser = Math.max(1, size / 20);
        for (int from = 0; from < size; from += perUser) {
            String user = "bench-" + ((b * 20 + from / perUser) % users);
            ObjectNode part = ListenerFixture.batch(catalog, user, Math.min(perUser, size - from), now, 30, b * 1_000_003L + from,
                    "b" + b + "-" + from + "-");
            part.get("events").forEach(events::add);
        }
        return body;
    }
}
