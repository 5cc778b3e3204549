package dev.mixtape.bench;

import dev.mixtape.algo.listener.SessionWeights;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.EngineHolder;
import dev.mixtape.app.server.ListenerService;
import dev.mixtape.app.server.ListenerServices;
import dev.mixtape.core.Catalog;
import dev.mixtape.storage.cache.TieredCache;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcListenerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The listener the in-process listener benchmarks share: the full catalog served without an answer cache, a fresh
 * embedded H2 file store in a temporary home, and {@value #USER} created 90 days ago with 500 events over 3 genres
 * and 80 days ({@link ListenerFixture#batch}). {@link #close} deletes the home.
 */
final class BenchListener implements AutoCloseable {
    static final String USER = "bench-listener";
    static final int EVENTS = 500;

    final Catalog catalog;
    final EngineHolder engines = new EngineHolder();
    final Path home;
    final Database db;
    final JdbcListenerStore store;
    final ListenerServices services;
    final ListenerService service;
    final Instant now = Instant.now();

    BenchListener(String name) throws IOException {
        catalog = BenchData.loadCatalog(BenchData.catalogFile(null));
        engines.set(Engine.of(catalog, 0));
        home = Files.createTempDirectory(name);
        db = Database.open(Database.h2Url(home), "", "");
        store = new JdbcListenerStore(db.dataSource());
        services = ListenerServices.over(store, new TieredCache(null), engines, SessionWeights.DEFAULT, Clock.systemUTC());
        service = services.listeners();
        service.createUser(USER, now.minus(Duration.ofDays(90)));
        var r = services.events().ingest(ListenerFixture.batch(catalog, USER, EVENTS, now, 80, 7, "e"));
        if (r.accepted() != EVENTS) {
            throw new IllegalStateException("fixture: " + r);
        }
    }

    @Override
    public void close() throws IOException {
        services.close();
        db.close();
        BenchData.deleteTree(home);
    }
}
