package dev.mixtape.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import dev.mixtape.storage.importer.ProgressListener;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every backend of {@link JdbcCatalogStore} must do, run against a fresh, migrated database per
 * test. Subclasses say how to open (and afterwards drop) one: H2 in memory, PostgreSQL.
 */
abstract class JdbcCatalogStoreContractTest {
    protected Database db;
    protected JdbcCatalogStore store;

    /** A fresh database with the schema migrated. */
    protected abstract Database openFreshDatabase() throws Exception;

    /** Removes what {@link #openFreshDatabase} created (after the pool is closed). */
    protected void dropDatabase() throws Exception {}

    @BeforeEach
    void open() throws Exception {
        db = openFreshDatabase();
        store = new JdbcCatalogStore(db.dataSource());
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
        dropDatabase();
    }

    // ---- fixtures

    static Track track(String id, String name, List<ArtistRef> artists, AlbumRef album, int durationMs, boolean explicit,
                       int popularity, Set<String> genres, AudioFeatures f) {
        return new Track(id, name, artists, album, durationMs, explicit, popularity, genres, f);
    }

    static final ArtistRef DAFT = new ArtistRef("daft", "Daft Punk");
    static final ArtistRef PHARRELL = new ArtistRef("pharrell", "Pharrell Williams");
    static final ArtistRef NILE = new ArtistRef("nile", "Nile Rodgers");
    static final ArtistRef SIGUR = new ArtistRef("sigur", "Sigur Rós");
    static final AlbumRef RAM = new AlbumRef("ram", "Random Access Memories");
    static final AlbumRef TAKK = new AlbumRef("takk", "Takk...");

    /** Tracks exercising every column: several artists in order, no genre, extremes, odd text. */
    static List<Track> fixture() {
        return List.of(
                track("t1", "Get Lucky", List.of(DAFT, PHARRELL, NILE), RAM, 369_626, false, 85,
                        Set.of("french house", "disco", "dance"),
                        new AudioFeatures(0.0426, 0.794, 0.811, 1.07e-06, 0.101, 0.038, 0.862, 6, 0, -8.966, 116.047, 4)),
                track("t2", "Hoppípolla – \"live\" 'it's' ; , \n 日本", List.of(SIGUR), TAKK, 270_000, true, 0,
                        Set.of("post-rock"),
                        new AudioFeatures(0, 0, 0, 0, 0, 0, 0, -1, 1, -60, 0, 0)),
                track("t3", "Max", List.of(PHARRELL, DAFT), RAM, 86_400_000, true, 100, Set.of(),
                        new AudioFeatures(1, 1, 1, 1, 1, 1, 1, 11, 1, 10, 300, 11)),
                track("t0", "Minimal", List.of(NILE), new AlbumRef("empty", ""), 1, false, 50, Set.of("disco"),
                        new AudioFeatures(0.333333333, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 3, 0, -5.123456789, 123.456789, 3)));
    }

    static Track withFeatures(Track t, AudioFeatures f) {
        return track(t.id(), t.name(), t.artists(), t.album(), t.durationMs(), t.explicit(), t.popularity(), t.genres(), f);
    }

    /** Asserts that the loaded catalog holds exactly {@code expected}, every field, features at float precision. */
    static void assertHolds(Catalog loaded, List<Track> expected) {
        assertThat(loaded.size()).isEqualTo(expected.size());
        List<Track> order = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            order.add(loaded.track(i));
        }
        assertThat(order).as("loaded by first genre, then id").isSortedAccordingTo(JdbcCatalogStore.LOAD_ORDER);
        // the same tracks through the in-memory builder: identical when every field survived storage
        Catalog direct = new CatalogBuilder().addAll(expected).build();
        for (Track e : expected) {
            int i = loaded.indexOf(e.id());
            assertThat(i).as(e.id()).isNotNegative();
            Track t = loaded.track(i);
            assertThat(t.name()).isEqualTo(e.name());
            assertThat(t.artists()).as(e.id()).containsExactlyElementsOf(e.artists());
            assertThat(t.album()).isEqualTo(e.album());
            assertThat(t.durationMs()).isEqualTo(e.durationMs());
            assertThat(t.explicit()).isEqualTo(e.explicit());
            assertThat(t.popularity()).isEqualTo(e.popularity());
            assertThat(t.genres()).as(e.id()).isEqualTo(e.genres());
            AudioFeatures f = t.features();
            AudioFeatures g = e.features();
            double[] got = {f.acousticness(), f.danceability(), f.energy(), f.instrumentalness(), f.liveness(),
                f.speechiness(), f.valence(), f.key(), f.mode(), f.loudness(), f.tempo(), f.timeSignature()};
            double[] want = {g.acousticness(), g.danceability(), g.energy(), g.instrumentalness(), g.liveness(),
                g.speechiness(), g.valence(), g.key(), g.mode(), g.loudness(), g.tempo(), g.timeSignature()};
            for (int k = 0; k < got.length; k++) {
                assertThat(got[k]).as("%s feature %d", e.id(), k).isEqualTo((double) (float) want[k]);
            }
            assertThat(t).isEqualTo(direct.track(direct.indexOf(e.id())));
        }
    }

    private Map<String, String> updatedAt() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT track_id, updated_at FROM tracks")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private int count(String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    // ---- the contract

    @Test
    void emptyStore() throws SQLException {
        assertThat(store.trackCount()).isZero();
        assertThat(store.load().size()).isZero();
        assertThat(store.upsert(List.of(), ProgressListener.NONE)).isEqualTo(new JdbcCatalogStore.UpsertStats(0, 0, 0));
    }

    @Test
    void upsertThenLoadRoundTripsEveryField() throws SQLException {
        List<String> phases = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        JdbcCatalogStore.UpsertStats stats = store.upsert(fixture(), (phase, d, total) -> {
            phases.add(phase);
            done.add(d);
            assertThat(total).isEqualTo(4);
        });
        assertThat(stats).isEqualTo(new JdbcCatalogStore.UpsertStats(4, 0, 0));
        assertThat(phases).isNotEmpty().containsOnly("store");
        assertThat(done).isSorted().last().isEqualTo(4L);
        assertThat(store.trackCount()).isEqualTo(4);
        Catalog loaded = store.load();
        assertHolds(loaded, fixture());
        assertThat(loaded.artistCount()).isEqualTo(4);
        assertThat(loaded.albumCount()).isEqualTo(3);
        assertThat(loaded.genreNames()).containsExactly("dance", "disco", "french house", "post-rock");
    }

    @Test
    void reUpsertOfTheSameTracksChangesNothing() throws SQLException {
        store.upsert(fixture(), ProgressListener.NONE);
        Map<String, String> before = updatedAt();
        int artistRows = count("track_artists");
        int genreRows = count("track_genres");
        assertThat(store.upsert(fixture(), ProgressListener.NONE)).isEqualTo(new JdbcCatalogStore.UpsertStats(0, 0, 4));
        assertThat(updatedAt()).as("no track row rewritten").isEqualTo(before);
        assertThat(count("track_artists")).isEqualTo(artistRows);
        assertThat(count("track_genres")).isEqualTo(genreRows);
        assertThat(count("artists")).isEqualTo(4);
        assertThat(count("albums")).isEqualTo(3);
        // and the tracks as loaded (features now at float precision) count as unchanged too
        Catalog loaded = store.load();
        List<Track> reloaded = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            reloaded.add(loaded.track(i));
        }
        assertThat(store.upsert(reloaded, ProgressListener.NONE)).isEqualTo(new JdbcCatalogStore.UpsertStats(0, 0, 4));
        assertThat(updatedAt()).isEqualTo(before);
    }

    @Test
    void changedTracksAreRewritten() throws SQLException {
        store.upsert(fixture(), ProgressListener.NONE);
        Map<String, String> before = updatedAt();
        List<Track> changed = new ArrayList<>(fixture());
        Track t1 = changed.get(0);
        // other artists (one dropped, order changed), other genres, other popularity and one feature
        changed.set(0, track(t1.id(), t1.name(), List.of(NILE, DAFT), t1.album(), t1.durationMs(), t1.explicit(), 60,
                Set.of("disco", "funk"), new AudioFeatures(0.0426, 0.794, 0.5, 1.07e-06, 0.101, 0.038, 0.862, 6, 0, -8.966,
                        116.047, 4)));
        Track t2 = changed.get(1);
        // a new album and name, no genres left
        changed.set(1, track(t2.id(), "Hoppipolla", t2.artists(), new AlbumRef("takk2", "Takk (Remaster)"), 271_000,
                false, t2.popularity(), Set.of(), t2.features()));
        JdbcCatalogStore.UpsertStats stats = store.upsert(changed, ProgressListener.NONE);
        assertThat(stats).isEqualTo(new JdbcCatalogStore.UpsertStats(0, 2, 2));
        assertHolds(store.load(), changed);
        Map<String, String> after = updatedAt();
        assertThat(after.get("t0")).isEqualTo(before.get("t0"));
        assertThat(after.get("t3")).isEqualTo(before.get("t3"));
        assertThat(count("track_artists")).isEqualTo(2 + 1 + 2 + 1);
        assertThat(count("track_genres")).isEqualTo(2 + 0 + 0 + 1);
        // a second identical import is all unchanged
        assertThat(store.upsert(changed, ProgressListener.NONE)).isEqualTo(new JdbcCatalogStore.UpsertStats(0, 0, 4));
    }

    @Test
    void smallFeatureChangeCounts() throws SQLException {
        store.upsert(fixture(), ProgressListener.NONE);
        List<Track> changed = new ArrayList<>(fixture());
        Track t0 = changed.get(3);
        AudioFeatures f = t0.features();
        changed.set(3, withFeatures(t0, new AudioFeatures(f.acousticness(), f.danceability(), f.energy(),
                f.instrumentalness(), f.liveness(), f.speechiness(), f.valence(), f.key(), f.mode(), f.loudness(),
                f.tempo() + 0.001, f.timeSignature())));
        assertThat(store.upsert(changed, ProgressListener.NONE)).isEqualTo(new JdbcCatalogStore.UpsertStats(0, 1, 3));
        Catalog loaded = store.load();
        assertThat(loaded.track(loaded.indexOf(t0.id())).features().tempo()).isCloseTo(123.457789, within(1e-4));
    }

    @Test
    void renamedArtistAndAlbumAreRewritten() throws SQLException {
        store.upsert(fixture(), ProgressListener.NONE);
        ArtistRef renamed = new ArtistRef(SIGUR.id(), "SIGUR RÓS");
        AlbumRef album = new AlbumRef(TAKK.id(), "TAKK...");
        List<Track> changed = new ArrayList<>(fixture());
        Track t2 = changed.get(1);
        changed.set(1, track(t2.id(), t2.name(), List.of(renamed), album, t2.durationMs(), t2.explicit(), t2.popularity(),
                t2.genres(), t2.features()));
        assertThat(store.upsert(changed, ProgressListener.NONE)).isEqualTo(new JdbcCatalogStore.UpsertStats(0, 1, 3));
        Catalog loaded = store.load();
        assertHolds(loaded, changed);
        assertThat(store.upsert(changed, ProgressListener.NONE)).isEqualTo(new JdbcCatalogStore.UpsertStats(0, 0, 4));
    }

    @Test
    void newTracksAreInsertedAndAbsentOnesKept() throws SQLException {
        store.upsert(fixture().subList(0, 2), ProgressListener.NONE);
        Track extra = track("t9", "One More Time", List.of(DAFT, new ArtistRef("romanthony", "Romanthony")),
                new AlbumRef("discovery", "Discovery"), 320_357, false, 75, Set.of("french house"),
                new AudioFeatures(0.0193, 0.613, 0.697, 0, 0.332, 0.133, 0.476, 2, 1, -8.618, 122.748, 4));
        List<Track> next = new ArrayList<>(fixture().subList(1, 4));
        next.add(extra);
        assertThat(store.upsert(next, ProgressListener.NONE)).isEqualTo(new JdbcCatalogStore.UpsertStats(3, 0, 1));
        List<Track> all = new ArrayList<>(fixture());
        all.add(extra);
        assertHolds(store.load(), all);
        assertThat(store.trackCount()).isEqualTo(5);
    }

    @Test
    void manyTracksAcrossBatches() throws SQLException {
        long seed = new Random().nextLong();
        System.out.println(getClass().getSimpleName() + ".manyTracksAcrossBatches seed=" + seed);
        Random rnd = new Random(seed);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 2100; i++) { // more than one write batch (2000)
            List<ArtistRef> artists = new ArrayList<>();
            artists.add(new ArtistRef("a" + rnd.nextInt(300), "Artist"));
            Track t = track(String.format("id%05d", i), "Song " + i, artists, new AlbumRef("al" + rnd.nextInt(500), "Album"),
                    1 + rnd.nextInt(600_000), rnd.nextBoolean(), rnd.nextInt(101), Set.of("g" + rnd.nextInt(20)),
                    new AudioFeatures(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(),
                            rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(), rnd.nextInt(12), rnd.nextInt(2),
                            -60 + 70 * rnd.nextDouble(), 300 * rnd.nextDouble(), rnd.nextInt(12)));
            tracks.add(t);
        }
        // names of one artist id must agree for the comparison; keep the first
        Map<String, ArtistRef> canonical = new HashMap<>();
        Map<String, AlbumRef> albums = new HashMap<>();
        List<Track> consistent = new ArrayList<>();
        for (Track t : tracks) {
            ArtistRef a = canonical.computeIfAbsent(t.artists().get(0).id(), k -> new ArtistRef(k, "Artist " + k));
            AlbumRef al = albums.computeIfAbsent(t.album().id(), k -> new AlbumRef(k, "Album " + k));
            consistent.add(track(t.id(), t.name(), List.of(a), al, t.durationMs(), t.explicit(), t.popularity(),
                    t.genres(), t.features()));
        }
        List<Track> shuffled = new ArrayList<>(consistent);
        java.util.Collections.shuffle(shuffled, rnd);
        assertThat(store.upsert(shuffled, ProgressListener.NONE)).isEqualTo(new JdbcCatalogStore.UpsertStats(2100, 0, 0));
        consistent.sort(Comparator.comparing(Track::id));
        assertHolds(store.load(), consistent);
        // change every third track's popularity
        List<Track> changed = new ArrayList<>();
        for (int i = 0; i < consistent.size(); i++) {
            Track t = consistent.get(i);
            changed.add(i % 3 != 0 ? t : track(t.id(), t.name(), t.artists(), t.album(), t.durationMs(), t.explicit(),
                    (t.popularity() + 1) % 101, t.genres(), t.features()));
        }
        assertThat(store.upsert(changed, ProgressListener.NONE)).isEqualTo(new JdbcCatalogStore.UpsertStats(0, 700, 1400));
        assertHolds(store.load(), changed);
    }
}
