package dev.mixtape.bench;

import dev.mixtape.algo.learn.ArtistScores;
import dev.mixtape.algo.learn.ListeningConfig;
import dev.mixtape.algo.learn.ListeningModel;
import dev.mixtape.app.config.TrainingConfig;
import dev.mixtape.app.lastfm.ArtistModelLoader;
import dev.mixtape.app.lastfm.LastFmImport;
import dev.mixtape.app.learn.ListeningTraining;
import dev.mixtape.app.server.EngineHolder;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.DataDir;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcListenerStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fold-in of a listener of 500 events into the served listening model, the per-listener cost the cache saves
 * (issue 14's target: at most 2 ms): {@code foldIn} solves the listener's vector from their artists
 * ({@link ListeningModel#foldIn}), {@code scores} adds the pass over every artist that turns it into
 * {@link ArtistScores}, i.e. what a session or strategy request pays when the listener's fold-in is not cached. The
 * model is trained as a server with the Last.fm data trains it on its first start ({@link #serve}). Run with
 * {@code ./mixtape bench foldin}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ListeningBench {
    static final String USER = "bench-listener";

    private Path home;
    private Database db;
    private ListeningModel model;
    private dev.mixtape.algo.learn.ListenerArtists artists;
    private List<HistoryEntry> history;
    private Instant now;

    /**
     * Imports the Last.fm artist model into {@code modelsDir} and serves it, then trains a listening model on the
     * imported listeners and every listener of {@code store} and serves that too.
     */
    static ListeningModel serve(Catalog catalog, EngineHolder engines, ListenerStore store, Path modelsDir) throws IOException {
        Path lastFm = DataDir.resolve().resolve("lastfm-hetrec2011-2k");
        new LastFmImport(LastFmImport.Options.defaults()).run(lastFm, catalog, modelsDir, (phase, done, total) -> {});
        ArtistModelLoader.Result r = ArtistModelLoader.load(modelsDir, catalog);
        if (r.neighbours() == null) {
            throw new IllegalStateException("the Last.fm artist model did not load: " + r.status());
        }
        engines.get().cf().artists(r.neighbours(), r.status());
        ListeningTraining training = new ListeningTraining(store, engines, modelsDir, ListeningConfig.defaults(),
                new TrainingConfig(0, 0, false), new SimpleMeterRegistry(), Clock.systemUTC());
        ListeningModel m = training.trainNow(catalog, (phase, fraction) -> {});
        engines.get().cf().listening(m, "bench");
        System.out.printf("[mixtape] %s; %s%n", r.status(), m);
        return m;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Catalog catalog = BenchData.loadCatalog(BenchData.catalogFile(null));
        EngineHolder engines = new EngineHolder();
        engines.set(dev.mixtape.app.server.Engine.of(catalog, 0));
        home = Files.createTempDirectory("mixtape-foldin-bench");
        db = Database.open(Database.h2Url(home), "", "");
        JdbcListenerStore store = new JdbcListenerStore(db.dataSource());
        now = Instant.now();
        store.createUser(USER, now.minus(Duration.ofDays(90)));
        var service = new dev.mixtape.app.server.ListenerService(store, new dev.mixtape.storage.cache.TieredCache(null), engines,
                dev.mixtape.algo.listener.SessionWeights.DEFAULT, Clock.systemUTC());
        var r = service.ingest(ListenerFixture.batch(catalog, USER, 500, now, 80, 7, "e"));
        if (r.accepted() != 500) {
            throw new IllegalStateException("fixture: " + r);
        }
        model = serve(catalog, engines, store, home.resolve("models"));
        history = store.history(USER, 500);
        artists = dev.mixtape.algo.learn.ListenerArtists.of(catalog, history, now, model.config());
        System.out.printf("[mixtape] the listener: 500 events, %d history rows, %d artists%n", history.size(), artists.size());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        db.close();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public ListeningModel.Folded foldIn() {
        return model.foldIn(artists);
    }

    @Benchmark
    public ArtistScores scores() {
        return model.scores(history, now);
    }
}
