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
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.ListenerStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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
 * model is trained as a server with the Last.fm data trains it on its first start ({@link #serve}). The {@code Spread}
 * variants do the same for a listener of 500 history rows by 500 different artists. Run with
 * {@code ./mixtape bench foldin}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ListeningBench {
    private BenchListener fixture;
    private ListeningModel model;
    private dev.mixtape.algo.learn.ListenerArtists artists;
    private List<HistoryEntry> history;
    private Instant now;

    /**
     * Imports the Last.fm artist model into {@code modelsDir} and serves it, then trains a listening model on the
     * imported listeners and every listener of {@code store} and serves that too.
     */
    static ListeningModel serve(Catalog catalog, EngineHolder engines, ListenerStore store, Path modelsDir) throws IOException {
        Path lastFm = BenchData.lastFmDir();
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
        fixture = new BenchListener("mixtape-foldin-bench");
        model = serve(fixture.catalog, fixture.engines, fixture.store, fixture.home.resolve("models"));
        now = fixture.now;
        history = fixture.store.history(BenchListener.USER, BenchListener.EVENTS);
        artists = dev.mixtape.algo.learn.ListenerArtists.of(fixture.catalog, history, now, model.config());
        System.out.printf("[mixtape] the listener: %d events, %d history rows, %d artists%n", BenchListener.EVENTS,
                history.size(), artists.size());
        // a listener spread over 500 artists: one track each of the 500 artists with the most popular tracks, 1 play each
        Catalog c = fixture.catalog;
        Integer[] byPopularity = java.util.stream.IntStream.range(0, c.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(byPopularity, (a, b) -> Integer.compare(c.popularity(b), c.popularity(a)));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        spreadHistory = new java.util.ArrayList<>();
        for (int t : byPopularity) {
            if (spreadHistory.size() == SPREAD_ARTISTS) {
                break;
            }
            if (seen.add(c.trackArtists(t)[0])) {
                spreadHistory.add(new HistoryEntry(c.trackId(t), dev.mixtape.core.listener.PlayDecay.weight(1, now.minusSeconds(86_400L * (seen.size() % 60))),
                        1, 0, 0, 0, 0, now));
            }
        }
        spreadHistory.sort((a, b) -> Double.compare(b.playScore(), a.playScore())); // as the store reads it
        spreadArtists = dev.mixtape.algo.learn.ListenerArtists.of(c, spreadHistory, now, model.config());
        System.out.printf("[mixtape] the spread listener: %d history rows, %d artists%n", spreadHistory.size(), spreadArtists.size());
    }

    static final int SPREAD_ARTISTS = 500;
    private List<HistoryEntry> spreadHistory;
    private dev.mixtape.algo.learn.ListenerArtists spreadArtists;

    @Benchmark
    public ListeningModel.Folded foldInSpread() {
        return model.foldIn(spreadArtists);
    }

    @Benchmark
    public ArtistScores scoresSpread() {
        return model.scores(spreadHistory, now);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
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
