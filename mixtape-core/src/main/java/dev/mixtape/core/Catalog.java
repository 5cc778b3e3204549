package dev.mixtape.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * The track catalog in memory: immutable and columnar. Public ids outside, dense {@code int}
 * indices inside: track {@code i} has its id at {@code trackId(i)} and its value of each
 * {@link Attribute} in a primitive column, so hot loops scan {@code float[]} arrays. Artists,
 * albums and genres have dense indices of their own. Build one with {@link CatalogBuilder}.
 *
 * <p>Thread-safe: nothing changes after construction. Arrays returned by {@link #column},
 * {@link #artistTracks} and friends are shared, not copied; callers must not modify them.
 */
public final class Catalog {
    final String[] trackIds;
    final String[] trackNames;
    final int[] trackAlbum;
    final int[][] trackArtists;
    final int[][] trackGenres;
    final boolean[] explicit;
    final float[][] columns;
    /** Durations as ints: the float column holds integers exactly only up to 2^24 ms (4.66 hours). */
    final int[] durations;
    final String[] artistIds;
    final String[] artistNames;
    final int[][] artistTracks;
    final int[][] artistGenres;
    final int[] artistPopularity;
    final String[] albumIds;
    final String[] albumNames;
    final int[][] albumArtists;
    /** Tracks per album in this catalog (derived, not stored). */
    private final int[] albumTrackCount;
    final String[] genreNames;
    final int[][] genreTracks;
    final int[][] genreArtists;
    final Map<String, Integer> trackIndex;
    final Map<String, Integer> artistIndex;
    final Map<String, Integer> albumIndex;
    final Map<String, Integer> genreIndex;
    final CatalogSearch search;
    /** {@link #fingerprint()}, computed on first use. */
    private volatile String fingerprint;

    Catalog(CatalogBuilder.Parts p) {
        this.trackIds = p.trackIds;
        this.trackNames = p.trackNames;
        this.trackAlbum = p.trackAlbum;
        this.trackArtists = p.trackArtists;
        this.trackGenres = p.trackGenres;
        this.explicit = p.explicit;
        this.columns = p.columns;
        this.durations = p.durations != null ? p.durations : durationsFromColumn(p.columns);
        this.artistIds = p.artistIds;
        this.artistNames = p.artistNames;
        this.artistTracks = p.artistTracks;
        this.artistGenres = p.artistGenres;
        this.artistPopularity = p.artistPopularity;
        this.albumIds = p.albumIds;
        this.albumNames = p.albumNames;
        this.albumArtists = p.albumArtists;
        this.genreNames = p.genreNames;
        this.genreTracks = p.genreTracks;
        this.genreArtists = p.genreArtists;
        this.trackIndex = p.trackIndex;
        this.artistIndex = p.artistIndex;
        this.albumIndex = p.albumIndex;
        this.genreIndex = p.genreIndex;
        this.albumTrackCount = new int[albumIds.length];
        for (int album : trackAlbum) {
            albumTrackCount[album]++;
        }
        this.search = new CatalogSearch(this);
    }

    public static Catalog empty() {
        return new CatalogBuilder().build();
    }

    public int size() {
        return trackIds.length;
    }

    /**
     * A fingerprint of the catalog's track ids and popularity (FNV-1a, base 36): it names this catalog, and the models
     * and cached answers computed over it, in cache keys and metrics. Two catalogs with the same tracks in the same order
     * and the same popularity have the same fingerprint. Computed once (about 10 ms for 90k tracks).
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            long h = 0xcbf29ce484222325L;
            for (int t = 0; t < trackIds.length; t++) {
                String id = trackIds[t];
                for (int i = 0; i < id.length(); i++) {
                    h = (h ^ id.charAt(i)) * 0x100000001b3L;
                }
                h = (h ^ popularity(t)) * 0x100000001b3L;
            }
            f = Long.toUnsignedString(h, 36);
            fingerprint = f;
        }
        return f;
    }

    /** Dense index of a track id, or -1 when the catalog has no such track. */
    public int indexOf(String trackId) {
        Integer i = trackId == null ? null : trackIndex.get(trackId);
        return i == null ? -1 : i;
    }

    public String trackId(int track) {
        return trackIds[track];
    }

    public String trackName(int track) {
        return trackNames[track];
    }

    public int[] trackArtists(int track) {
        return trackArtists[track];
    }

    public int[] trackGenres(int track) {
        return trackGenres[track];
    }

    public int trackAlbum(int track) {
        return trackAlbum[track];
    }

    public boolean explicit(int track) {
        return explicit[track];
    }

    public float value(Attribute attribute, int track) {
        return columns[attribute.ordinal()][track];
    }

    /** The whole column of one attribute, indexed by track. Shared: do not modify. */
    public float[] column(Attribute attribute) {
        return columns[attribute.ordinal()];
    }

    public int popularity(int track) {
        return (int) columns[Attribute.POPULARITY.ordinal()][track];
    }

    /** The track's duration, exact (the {@link Attribute#DURATION_MS} column rounds beyond 2^24 ms). */
    public int durationMs(int track) {
        return durations[track];
    }

    private static int[] durationsFromColumn(float[][] columns) {
        float[] col = columns[Attribute.DURATION_MS.ordinal()];
        int[] out = new int[col.length];
        for (int i = 0; i < col.length; i++) {
            out[i] = (int) col[i];
        }
        return out;
    }

    public AudioFeatures features(int track) {
        return new AudioFeatures(
                value(Attribute.ACOUSTICNESS, track), value(Attribute.DANCEABILITY, track),
                value(Attribute.ENERGY, track), value(Attribute.INSTRUMENTALNESS, track),
                value(Attribute.LIVENESS, track), value(Attribute.SPEECHINESS, track),
                value(Attribute.VALENCE, track), (int) value(Attribute.KEY, track),
                (int) value(Attribute.MODE, track), value(Attribute.LOUDNESS, track),
                value(Attribute.TEMPO, track), (int) value(Attribute.TIME_SIGNATURE, track));
    }

    /** Materialises track {@code i} as a {@link Track} record. */
    public Track track(int i) {
        List<ArtistRef> artists = new ArrayList<>(trackArtists[i].length);
        for (int a : trackArtists[i]) {
            artists.add(new ArtistRef(artistIds[a], artistNames[a]));
        }
        Set<String> genres = new LinkedHashSet<>();
        for (int g : trackGenres[i]) {
            genres.add(genreNames[g]);
        }
        int album = trackAlbum[i];
        return new Track(trackIds[i], trackNames[i], artists, new AlbumRef(albumIds[album], albumNames[album]),
                durationMs(i), explicit[i], popularity(i), genres, features(i));
    }

    // ---- artists

    public int artistCount() {
        return artistIds.length;
    }

    public int artistIndexOf(String artistId) {
        Integer i = artistId == null ? null : artistIndex.get(artistId);
        return i == null ? -1 : i;
    }

    public String artistId(int artist) {
        return artistIds[artist];
    }

    public String artistName(int artist) {
        return artistNames[artist];
    }

    /** The artist's tracks, most popular first. Shared: do not modify. */
    public int[] artistTracks(int artist) {
        return artistTracks[artist];
    }

    /**
     * The artist's {@code nth} most popular track (0 the most popular) among those on which it is the primary artist (its own
     * tracks, not its features) and that {@code allowed} accepts; -1 when there are not that many.
     */
    public int ownTrack(int artist, java.util.function.IntPredicate allowed, int nth) {
        int seen = 0;
        for (int t : artistTracks[artist]) {
            if (trackArtists(t)[0] == artist && allowed.test(t) && seen++ == nth) {
                return t;
            }
        }
        return -1;
    }

    /** The artist's genres, most frequent among its tracks first. Shared: do not modify. */
    public int[] artistGenres(int artist) {
        return artistGenres[artist];
    }

    /** The artist's popularity: the highest popularity of its tracks. */
    public int artistPopularity(int artist) {
        return artistPopularity[artist];
    }

    // ---- albums

    public int albumCount() {
        return albumIds.length;
    }

    public String albumId(int album) {
        return albumIds[album];
    }

    public String albumName(int album) {
        return albumNames[album];
    }

    /** How many tracks of the catalog are on {@code album} (the dataset's, not necessarily the whole release's). */
    public int albumTrackCount(int album) {
        return albumTrackCount[album];
    }

    public int[] albumArtists(int album) {
        return albumArtists[album];
    }

    // ---- genres

    public int genreCount() {
        return genreNames.length;
    }

    /** Dense index of a genre name (exact, lower case as imported), or -1. */
    public int genreIndexOf(String genre) {
        Integer i = genre == null ? null : genreIndex.get(genre);
        return i == null ? -1 : i;
    }

    public String genreName(int genre) {
        return genreNames[genre];
    }

    /** All genre names, sorted. */
    public List<String> genreNames() {
        String[] copy = genreNames.clone();
        Arrays.sort(copy);
        return List.of(copy);
    }

    public int[] genreTracks(int genre) {
        return genreTracks[genre];
    }

    public int[] genreArtists(int genre) {
        return genreArtists[genre];
    }

    public CatalogSearch search() {
        return search;
    }
}
