package dev.mixtape.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects {@link Track}s and builds an immutable columnar {@link Catalog}. Adding a track whose id
 * was already added merges the two ({@link Track#mergedWith}).
 * Not thread-safe; the catalog it builds is.
 */
public final class CatalogBuilder {
    private final Map<String, Track> tracks = new LinkedHashMap<>();

    public CatalogBuilder add(Track track) {
        tracks.merge(track.id(), track, Track::mergedWith);
        return this;
    }

    public CatalogBuilder addAll(Iterable<Track> all) {
        for (Track t : all) {
            add(t);
        }
        return this;
    }

    public int size() {
        return tracks.size();
    }

    public Catalog build() {
        Parts p = new Parts();
        int n = tracks.size();
        p.trackIds = new String[n];
        p.trackNames = new String[n];
        p.trackAlbum = new int[n];
        p.trackArtists = new int[n][];
        p.trackGenres = new int[n][];
        p.explicit = new boolean[n];
        p.columns = new float[Attribute.count()][n];
        p.durations = new int[n];
        p.trackIndex = new HashMap<>(n * 2);
        Index artists = new Index();
        Index albums = new Index();
        Index genres = new Index();
        List<int[]> albumArtistList = new ArrayList<>();
        int i = 0;
        for (Track t : tracks.values()) {
            p.trackIds[i] = t.id();
            p.trackNames[i] = t.name();
            p.trackIndex.put(t.id(), i);
            p.explicit[i] = t.explicit();
            int[] ta = new int[t.artists().size()];
            for (int k = 0; k < ta.length; k++) {
                ArtistRef ar = t.artists().get(k);
                ta[k] = artists.indexOf(ar.id(), ar.name());
            }
            p.trackArtists[i] = ta;
            int albumBefore = albums.size();
            p.trackAlbum[i] = albums.indexOf(t.album().id(), t.album().name());
            if (albums.size() > albumBefore) {
                albumArtistList.add(ta);
            }
            p.trackGenres[i] = t.genres().stream().sorted().mapToInt(g -> genres.indexOf(g, g)).toArray();
            setColumns(p.columns, i, t);
            p.durations[i] = t.durationMs();
            i++;
        }
        p.artistIds = artists.ids();
        p.artistNames = artists.names();
        p.artistIndex = artists.map;
        p.albumIds = albums.ids();
        p.albumNames = albums.names();
        p.albumIndex = albums.map;
        p.albumArtists = albumArtistList.toArray(new int[0][]);
        p.genreNames = genres.ids();
        p.genreIndex = genres.map;
        invertArtists(p);
        invertGenres(p);
        return new Catalog(p);
    }

    private static void setColumns(float[][] c, int i, Track t) {
        AudioFeatures f = t.features();
        c[Attribute.ACOUSTICNESS.ordinal()][i] = (float) f.acousticness();
        c[Attribute.DANCEABILITY.ordinal()][i] = (float) f.danceability();
        c[Attribute.ENERGY.ordinal()][i] = (float) f.energy();
        c[Attribute.INSTRUMENTALNESS.ordinal()][i] = (float) f.instrumentalness();
        c[Attribute.LIVENESS.ordinal()][i] = (float) f.liveness();
        c[Attribute.SPEECHINESS.ordinal()][i] = (float) f.speechiness();
        c[Attribute.VALENCE.ordinal()][i] = (float) f.valence();
        c[Attribute.KEY.ordinal()][i] = f.key();
        c[Attribute.MODE.ordinal()][i] = f.mode();
        c[Attribute.POPULARITY.ordinal()][i] = t.popularity();
        c[Attribute.DURATION_MS.ordinal()][i] = t.durationMs();
        c[Attribute.TIME_SIGNATURE.ordinal()][i] = f.timeSignature();
        c[Attribute.LOUDNESS.ordinal()][i] = (float) f.loudness();
        c[Attribute.TEMPO.ordinal()][i] = (float) f.tempo();
    }

    private static void invertArtists(Parts p) {
        int na = p.artistIds.length;
        List<List<Integer>> byArtist = new ArrayList<>(na);
        for (int a = 0; a < na; a++) {
            byArtist.add(new ArrayList<>(4));
        }
        for (int t = 0; t < p.trackIds.length; t++) {
            for (int a : p.trackArtists[t]) {
                byArtist.get(a).add(t);
            }
        }
        float[] pop = p.columns[Attribute.POPULARITY.ordinal()];
        Comparator<Integer> byPopularity = Comparator.<Integer>comparingDouble(t -> -pop[t]).thenComparingInt(t -> t);
        p.artistTracks = new int[na][];
        p.artistGenres = new int[na][];
        p.artistPopularity = new int[na];
        int ng = p.genreNames.length;
        int[] counts = new int[ng];
        for (int a = 0; a < na; a++) {
            List<Integer> ts = byArtist.get(a);
            ts.sort(byPopularity);
            p.artistTracks[a] = ts.stream().mapToInt(Integer::intValue).toArray();
            p.artistPopularity[a] = ts.isEmpty() ? 0 : (int) pop[ts.get(0)];
            Arrays.fill(counts, 0);
            List<Integer> seen = new ArrayList<>();
            for (int t : p.artistTracks[a]) {
                for (int g : p.trackGenres[t]) {
                    if (counts[g]++ == 0) {
                        seen.add(g);
                    }
                }
            }
            seen.sort(Comparator.<Integer>comparingInt(g -> -counts[g]).thenComparingInt(g -> g));
            p.artistGenres[a] = seen.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static void invertGenres(Parts p) {
        int ng = p.genreNames.length;
        List<List<Integer>> tracksOf = new ArrayList<>(ng);
        List<List<Integer>> artistsOf = new ArrayList<>(ng);
        for (int g = 0; g < ng; g++) {
            tracksOf.add(new ArrayList<>());
            artistsOf.add(new ArrayList<>());
        }
        for (int t = 0; t < p.trackIds.length; t++) {
            for (int g : p.trackGenres[t]) {
                tracksOf.get(g).add(t);
            }
        }
        for (int a = 0; a < p.artistIds.length; a++) {
            for (int g : p.artistGenres[a]) {
                artistsOf.get(g).add(a);
            }
        }
        p.genreTracks = new int[ng][];
        p.genreArtists = new int[ng][];
        for (int g = 0; g < ng; g++) {
            p.genreTracks[g] = tracksOf.get(g).stream().mapToInt(Integer::intValue).toArray();
            p.genreArtists[g] = artistsOf.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Assigns dense indices to ids in order of first appearance. */
    private static final class Index {
        final Map<String, Integer> map = new HashMap<>();
        final List<String> ids = new ArrayList<>();
        final List<String> names = new ArrayList<>();

        int indexOf(String id, String name) {
            Integer i = map.get(id);
            if (i == null) {
                i = ids.size();
                map.put(id, i);
                ids.add(id);
                names.add(name);
            }
            return i;
        }

        int size() {
            return ids.size();
        }

        String[] ids() {
            return ids.toArray(new String[0]);
        }

        String[] names() {
            return names.toArray(new String[0]);
        }
    }

    /** The arrays a {@link Catalog} is made of. */
    static final class Parts {
        String[] trackIds;
        String[] trackNames;
        int[] trackAlbum;
        int[][] trackArtists;
        int[][] trackGenres;
        boolean[] explicit;
        float[][] columns;
        /** Exact durations; when null, {@link Catalog} takes them from the (float) column. */
        int[] durations;
        String[] artistIds;
        String[] artistNames;
        int[][] artistTracks;
        int[][] artistGenres;
        int[] artistPopularity;
        String[] albumIds;
        String[] albumNames;
        int[][] albumArtists;
        String[] genreNames;
        int[][] genreTracks;
        int[][] genreArtists;
        Map<String, Integer> trackIndex;
        Map<String, Integer> artistIndex;
        Map<String, Integer> albumIndex;
        Map<String, Integer> genreIndex;
    }
}
