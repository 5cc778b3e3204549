package dev.mixtape.storage.jdbc;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import dev.mixtape.storage.importer.ProgressListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The catalog in a relational database (tables of {@code V1__catalog.sql}). {@link #upsert} writes
 * only what changed: each track row carries a hash of its content, so re-importing the same file
 * writes nothing and a newer file inserts new tracks and rewrites changed ones, renaming their
 * artists and albums when those names changed (tracks absent from it are kept). Writes commit in
 * batches. Thread-safe (each call uses its own connection).
 */
public final class JdbcCatalogStore {
    private static final int BATCH = 2000;
    private static final String TRACK_COLUMNS = "name, album_id, duration_ms, explicit, popularity, acousticness,"
            + " danceability, energy, instrumentalness, liveness, speechiness, valence, pitch_key, modality,"
            + " loudness, tempo, time_signature, content_hash, updated_at";

    private final DataSource ds;

    public JdbcCatalogStore(DataSource ds) {
        this.ds = ds;
    }

    /** Counts of what an upsert did. */
    public record UpsertStats(int inserted, int updated, int unchanged) {}

    public int trackCount() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM tracks")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * A fingerprint of the stored catalog's content (track count and the sum of the tracks' content
     * hashes): it changes whenever an import changes anything, so it can name a snapshot of the catalog.
     * Read from the {@code catalog_state} row that {@link #upsert} keeps; computed from the tracks when
     * the row is missing.
     */
    public String fingerprint() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT fingerprint FROM catalog_state WHERE id = 1")) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
            return computeFingerprint(st);
        }
    }

    private static String computeFingerprint(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(content_hash) FROM tracks")) {
            rs.next();
            return rs.getLong(1) + "-" + (rs.getBigDecimal(2) == null ? "0" : rs.getBigDecimal(2).toPlainString());
        }
    }

    /** Rewrites the {@code catalog_state} row from the tracks table. */
    private static void writeState(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            String fp = computeFingerprint(st);
            st.executeUpdate("DELETE FROM catalog_state WHERE id = 1");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO catalog_state (id, tracks, fingerprint, updated_at) VALUES (1, ?, ?, ?)")) {
                ps.setLong(1, Long.parseLong(fp.substring(0, fp.indexOf('-'))));
                ps.setString(2, fp);
                ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static boolean hasState(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM catalog_state")) {
            rs.next();
            boolean has = rs.getInt(1) > 0;
            c.commit();
            return has;
        }
    }

    public UpsertStats upsert(List<Track> input, ProgressListener progress) throws SQLException {
        // Primary-key order: B-tree inserts then append instead of splitting pages all over the tree.
        List<Track> tracks = new ArrayList<>(input);
        tracks.sort(java.util.Comparator.comparing(Track::id));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            Map<String, Long> hashes = new HashMap<>();
            Map<String, String> artists = new HashMap<>();
            Map<String, String> albums = new HashMap<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT track_id, content_hash FROM tracks")) {
                    while (rs.next()) {
                        hashes.put(rs.getString(1), rs.getLong(2));
                    }
                }
                readNames(st, "SELECT artist_id, name FROM artists", artists);
                readNames(st, "SELECT album_id, name FROM albums", albums);
            }
            c.commit();
            progress.progress("store", 0, tracks.size());
            insertNames(c, tracks, artists, albums);
            int inserted = 0;
            int updated = 0;
            int unchanged = 0;
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            List<Hashed> toInsert = new ArrayList<>();
            List<Hashed> toUpdate = new ArrayList<>();
            for (int i = 0; i < tracks.size(); i++) {
                Track t = tracks.get(i);
                Long old = hashes.get(t.id());
                long h = ContentHash.of(t);
                if (old == null) {
                    toInsert.add(new Hashed(t, h));
                    inserted++;
                } else if (old != h) {
                    toUpdate.add(new Hashed(t, h));
                    updated++;
                } else {
                    unchanged++;
                }
                if (toInsert.size() + toUpdate.size() >= BATCH || i == tracks.size() - 1) {
                    writeBatch(c, toInsert, toUpdate, now);
                    toInsert.clear();
                    toUpdate.clear();
                    progress.progress("store", i + 1, tracks.size());
                }
            }
            if (inserted + updated > 0 || !hasState(c)) {
                writeState(c);
            }
            return new UpsertStats(inserted, updated, unchanged);
        }
    }

    /**
     * Inserts the artists and albums not stored yet, in id order, before the tracks that refer to them,
     * and renames stored ones whose name changed (say "Sigur Ros" to "Sigur Rós": the same derived id).
     * When the tracks spell one id differently, the first track in id order names it, as on insert.
     */
    private static void insertNames(Connection c, List<Track> tracks, Map<String, String> artists,
                                    Map<String, String> albums) throws SQLException {
        java.util.TreeMap<String, String> wantedArtists = new java.util.TreeMap<>();
        java.util.TreeMap<String, String> wantedAlbums = new java.util.TreeMap<>();
        for (Track t : tracks) {
            for (ArtistRef a : t.artists()) {
                wantedArtists.putIfAbsent(a.id(), a.name());
            }
            wantedAlbums.putIfAbsent(t.album().id(), t.album().name());
        }
        writeNames(c, "artists", "artist_id", wantedArtists, artists);
        writeNames(c, "albums", "album_id", wantedAlbums, albums);
    }

    private static void writeNames(Connection c, String table, String idColumn, Map<String, String> wanted,
                                   Map<String, String> stored) throws SQLException {
        java.util.TreeMap<String, String> inserts = new java.util.TreeMap<>();
        java.util.TreeMap<String, String> renames = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            String old = stored.get(e.getKey());
            if (old == null) {
                inserts.put(e.getKey(), e.getValue());
            } else if (!old.equals(e.getValue())) {
                renames.put(e.getKey(), e.getValue());
            }
        }
        writePairs(c, "INSERT INTO " + table + " (name, " + idColumn + ") VALUES (?, ?)", inserts);
        writePairs(c, "UPDATE " + table + " SET name = ? WHERE " + idColumn + " = ?", renames);
    }

    /** Runs {@code sql} with (name, id) for each entry of {@code rows} (id to name), then commits. */
    private static void writePairs(Connection c, String sql, Map<String, String> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (Map.Entry<String, String> e : rows.entrySet()) {
                ps.setString(1, e.getValue());
                ps.setString(2, e.getKey());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static void readNames(Statement st, String sql, Map<String, String> into) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                into.put(rs.getString(1), rs.getString(2));
            }
        }
    }

    /** A track with its content hash, computed once. */
    private record Hashed(Track track, long hash) {}

    private static void writeBatch(Connection c, List<Hashed> inserts, List<Hashed> updates, OffsetDateTime now)
            throws SQLException {
        if (inserts.isEmpty() && updates.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tracks (" + TRACK_COLUMNS
                     + ", track_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE tracks SET "
                     + TRACK_COLUMNS.replace(",", " = ?,") + " = ? WHERE track_id = ?");
             PreparedStatement delArtists = c.prepareStatement("DELETE FROM track_artists WHERE track_id = ?");
             PreparedStatement delGenres = c.prepareStatement("DELETE FROM track_genres WHERE track_id = ?");
             PreparedStatement trackArtist = c.prepareStatement(
                     "INSERT INTO track_artists (track_id, ord, artist_id) VALUES (?, ?, ?)");
             PreparedStatement trackGenre = c.prepareStatement(
                     "INSERT INTO track_genres (track_id, genre) VALUES (?, ?)")) {
            List<Track> all = new ArrayList<>(inserts.size() + updates.size());
            for (Hashed h : inserts) {
                bindTrack(insert, h, now);
                insert.addBatch();
                all.add(h.track());
            }
            insert.executeBatch();
            for (Hashed h : updates) {
                Track t = h.track();
                all.add(t);
                bindTrack(update, h, now);
                update.addBatch();
                delArtists.setString(1, t.id());
                delArtists.addBatch();
                delGenres.setString(1, t.id());
                delGenres.addBatch();
            }
            update.executeBatch();
            delArtists.executeBatch();
            delGenres.executeBatch();
            for (Track t : all) {
                for (int k = 0; k < t.artists().size(); k++) {
                    trackArtist.setString(1, t.id());
                    trackArtist.setInt(2, k);
                    trackArtist.setString(3, t.artists().get(k).id());
                    trackArtist.addBatch();
                }
                for (String g : new TreeSet<>(t.genres())) {
                    trackGenre.setString(1, t.id());
                    trackGenre.setString(2, g);
                    trackGenre.addBatch();
                }
            }
            trackArtist.executeBatch();
            trackGenre.executeBatch();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static void bindTrack(PreparedStatement ps, Hashed h, OffsetDateTime now) throws SQLException {
        Track t = h.track();
        AudioFeatures f = t.features();
        int i = 1;
        ps.setString(i++, t.name());
        ps.setString(i++, t.album().id());
        ps.setInt(i++, t.durationMs());
        ps.setBoolean(i++, t.explicit());
        ps.setInt(i++, t.popularity());
        ps.setFloat(i++, (float) f.acousticness());
        ps.setFloat(i++, (float) f.danceability());
        ps.setFloat(i++, (float) f.energy());
        ps.setFloat(i++, (float) f.instrumentalness());
        ps.setFloat(i++, (float) f.liveness());
        ps.setFloat(i++, (float) f.speechiness());
        ps.setFloat(i++, (float) f.valence());
        ps.setInt(i++, f.key());
        ps.setInt(i++, f.mode());
        ps.setFloat(i++, (float) f.loudness());
        ps.setFloat(i++, (float) f.tempo());
        ps.setInt(i++, f.timeSignature());
        ps.setLong(i++, h.hash());
        ps.setObject(i++, now);
        ps.setString(i, t.id());
    }

    /**
     * The order of tracks in a loaded catalog: by first genre (alphabetically; none first), then id. The
     * tracks of a genre then sit together in every catalog-sized array, so the recommender, whose
     * candidate pools are mostly genres, reads memory nearly sequentially (about a third faster than
     * id order on the Spotify Tracks catalog).
     */
    public static final java.util.Comparator<Track> LOAD_ORDER = java.util.Comparator
            .comparing((Track t) -> t.genres().isEmpty() ? "" : java.util.Collections.min(t.genres()))
            .thenComparing(Track::id);

    /** Loads the whole catalog, in {@link #LOAD_ORDER}, into its columnar in-memory form. */
    public Catalog load() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.setFetchSize(5000);
            Map<String, String> artistNames = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT artist_id, name FROM artists")) {
                while (rs.next()) {
                    artistNames.put(rs.getString(1), rs.getString(2));
                }
            }
            Map<String, String> albumNames = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT album_id, name FROM albums")) {
                while (rs.next()) {
                    albumNames.put(rs.getString(1), rs.getString(2));
                }
            }
            Map<String, List<ArtistRef>> trackArtists = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT track_id, artist_id FROM track_artists ORDER BY track_id, ord")) {
                while (rs.next()) {
                    String a = rs.getString(2);
                    trackArtists.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(2))
                            .add(new ArtistRef(a, artistNames.get(a)));
                }
            }
            Map<String, Set<String>> trackGenres = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT track_id, genre FROM track_genres")) {
                while (rs.next()) {
                    trackGenres.computeIfAbsent(rs.getString(1), k -> new HashSet<>(2)).add(rs.getString(2));
                }
            }
            List<Track> tracks = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT track_id, " + TRACK_COLUMNS + " FROM tracks ORDER BY track_id")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String albumId = rs.getString(3);
                    AudioFeatures f = new AudioFeatures(rs.getFloat(7), rs.getFloat(8), rs.getFloat(9),
                            rs.getFloat(10), rs.getFloat(11), rs.getFloat(12), rs.getFloat(13), rs.getInt(14),
                            rs.getInt(15), rs.getFloat(16), rs.getFloat(17), rs.getInt(18));
                    tracks.add(new Track(id, rs.getString(2), trackArtists.getOrDefault(id, List.of()),
                            new AlbumRef(albumId, albumNames.get(albumId)), rs.getInt(4), rs.getBoolean(5),
                            rs.getInt(6), trackGenres.getOrDefault(id, Set.of()), f));
                }
            }
            tracks.sort(LOAD_ORDER);
            return new CatalogBuilder().addAll(tracks).build();
        }
    }
}
