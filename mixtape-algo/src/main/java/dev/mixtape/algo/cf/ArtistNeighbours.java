package dev.mixtape.algo.cf;

import dev.mixtape.core.Catalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collaborative neighbours of catalog artists, for serving: for each covered catalog artist, the other
 * catalog artists its listeners also play, best first with a similarity, and from them tracks to play
 * ({@link #tracks}) with an explanation ("listeners of X also play Y").
 *
 * <p>It holds a plain table over catalog artist indices and does not know which model filled it:
 * {@link #fromItemKnn} adapts an item-kNN model trained on artists (Last.fm), and a later model (on the
 * product's own track-level events, say) can fill the same table through {@link #of} and be served
 * unchanged. It belongs to the catalog it was built for; build a new one when the catalog changes.
 *
 * <p>Memory: 8 bytes per kept neighbour plus 4 per catalog artist. Immutable and thread-safe.
 */
public final class ArtistNeighbours {
    /** Tracks taken from each neighbour by default in {@link #tracks}. */
    public static final int DEFAULT_TRACKS_PER_ARTIST = 2;

    private final Catalog catalog;
    private final String source;
    private final int[] ptr;
    private final int[] cols;
    private final float[] sims;

    private ArtistNeighbours(Catalog catalog, String source, int[] ptr, int[] cols, float[] sims) {
        this.catalog = catalog;
        this.source = source;
        this.ptr = ptr;
        this.cols = cols;
        this.sims = sims;
    }

    /**
     * A table from one row per catalog artist (null or empty: not covered). Each row is sorted here, best
     * first (ties to the lower artist index); an artist listed as its own neighbour, a repeated neighbour
     * or a non-positive or non-finite score is refused.
     *
     * @param source what the neighbours come from, for logs and reports
     */
    public static ArtistNeighbours of(Catalog catalog, String source, int[][] neighbours, float[][] scores) {
        int n = catalog.artistCount();
        if (neighbours.length != n || scores.length != n) {
            throw new IllegalArgumentException("expected one row per catalog artist (" + n + "), got "
                    + neighbours.length + " neighbour rows and " + scores.length + " score rows");
        }
        int[] ptr = new int[n + 1];
        for (int a = 0; a < n; a++) {
            int len = neighbours[a] == null ? 0 : neighbours[a].length;
            if ((scores[a] == null ? 0 : scores[a].length) != len) {
                throw new IllegalArgumentException("artist " + a + ": " + len + " neighbours but "
                        + (scores[a] == null ? 0 : scores[a].length) + " scores");
            }
            ptr[a + 1] = ptr[a] + len;
        }
        int[] cols = new int[ptr[n]];
        float[] sims = new float[ptr[n]];
        for (int a = 0; a < n; a++) {
            int len = ptr[a + 1] - ptr[a];
            if (len == 0) {
                continue;
            }
            Integer[] order = new Integer[len];
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < len; k++) {
                int b = neighbours[a][k];
                float s = scores[a][k];
                if (b < 0 || b >= n || b == a || !seen.add(b)) {
                    throw new IllegalArgumentException("artist " + a + ": bad or repeated neighbour " + b);
                }
                if (!(s > 0) || !Float.isFinite(s)) {
                    throw new IllegalArgumentException("artist " + a + ": score " + s + " of neighbour " + b
                            + " must be finite and > 0");
                }
                order[k] = k;
            }
            int row = a;
            Arrays.sort(order, (x, y) -> {
                int c = Float.compare(scores[row][y], scores[row][x]);
                return c != 0 ? c : Integer.compare(neighbours[row][x], neighbours[row][y]);
            });
            for (int k = 0; k < len; k++) {
                cols[ptr[a] + k] = neighbours[a][order[k]];
                sims[ptr[a] + k] = scores[a][order[k]];
            }
        }
        return new ArtistNeighbours(catalog, source, ptr, cols, sims);
    }

    /**
     * The neighbours an item-kNN model over artists kept, in catalog indices.
     *
     * @param itemArtist the catalog artist of each model item; -1 for an item not in this catalog (its row
     *                   and its appearances as a neighbour are dropped). Two items of one catalog artist
     *                   are refused: merge them before training.
     */
    public static ArtistNeighbours fromItemKnn(Catalog catalog, String source, ItemKnnModel model, int[] itemArtist) {
        if (itemArtist.length != model.items()) {
            throw new IllegalArgumentException("itemArtist has " + itemArtist.length + " entries, the model "
                    + model.items() + " items");
        }
        int n = catalog.artistCount();
        int[][] rows = new int[n][];
        float[][] scores = new float[n][];
        SparseItemMatrix m = model.neighbours();
        for (int i = 0; i < itemArtist.length; i++) {
            int a = itemArtist[i];
            if (a < 0) {
                continue;
            }
            if (a >= n) {
                throw new IllegalArgumentException("item " + i + " maps to artist " + a + ", beyond the catalog's " + n);
            }
            if (rows[a] != null) {
                throw new IllegalArgumentException("catalog artist " + catalog.artistId(a) + " is mapped by two items");
            }
            int[] r = new int[m.rowEnd(i) - m.rowStart(i)];
            float[] s = new float[r.length];
            int len = 0;
            for (int k = m.rowStart(i); k < m.rowEnd(i); k++) {
                int b = itemArtist[m.columns()[k]];
                if (b >= 0 && b != a && m.values()[k] > 0) {
                    r[len] = b;
                    s[len++] = m.values()[k];
                }
            }
            rows[a] = Arrays.copyOf(r, len);
            scores[a] = Arrays.copyOf(s, len);
        }
        return of(catalog, source, rows, scores);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** What the neighbours come from (dataset and model), for logs and reports. */
    public String source() {
        return source;
    }

    /** Whether {@code artist} has at least one neighbour. */
    public boolean covers(int artist) {
        return ptr[artist + 1] > ptr[artist];
    }

    /** Number of catalog artists with at least one neighbour. */
    public int coveredArtists() {
        int c = 0;
        for (int a = 0; a + 1 < ptr.length; a++) {
            c += covers(a) ? 1 : 0;
        }
        return c;
    }

    /** Up to {@code limit} neighbours of {@code artist}, best first (empty when not covered). */
    public int[] neighbours(int artist, int limit) {
        int from = ptr[artist];
        return Arrays.copyOfRange(cols, from, from + Math.min(limit, ptr[artist + 1] - from));
    }

    /** The similarities of {@link #neighbours(int, int)}, in the same order. */
    public float[] scores(int artist, int limit) {
        int from = ptr[artist];
        return Arrays.copyOfRange(sims, from, from + Math.min(limit, ptr[artist + 1] - from));
    }

    /** The similarity of {@code other} as a neighbour of {@code artist}; 0 when not kept. */
    public float similarity(int artist, int other) {
        for (int k = ptr[artist]; k < ptr[artist + 1]; k++) {
            if (cols[k] == other) {
                return sims[k];
            }
        }
        return 0f;
    }

    /**
     * A track picked through a neighbour.
     *
     * @param track       catalog track index
     * @param via         the neighbour artist the track is by
     * @param score       neighbour similarity × (0.5 + 0.5 × popularity / 100)
     * @param explanation "listeners of &lt;seed&gt; also play &lt;via&gt;"
     */
    public record Pick(int track, int via, float score, String explanation) {}

    /**
     * Up to {@code limit} tracks for listeners of {@code artist}: the {@code perArtist} most popular songs of
     * each neighbour, scored by the neighbour's similarity times (0.5 + 0.5 × popularity / 100), best first
     * (ties to the lower track index). Tracks the seed artist plays on, and a second release of a song already
     * picked (same folded title and primary artist), are skipped; a track two neighbours share counts once,
     * through the better neighbour. Empty when the artist is not covered.
     */
    public List<Pick> tracks(int artist, int limit, int perArtist) {
        if (limit <= 0 || perArtist <= 0) {
            throw new IllegalArgumentException("limit and perArtist must be positive, got " + limit + " and " + perArtist);
        }
        List<Pick> candidates = new ArrayList<>();
        Set<Integer> tracksSeen = new HashSet<>();
        Set<String> songsSeen = new HashSet<>();
        for (int k = ptr[artist]; k < ptr[artist + 1]; k++) {
            int via = cols[k];
            int taken = 0;
            for (int t : catalog.artistTracks(via)) {
                if (taken == perArtist) {
                    break;
                }
                if (playsOn(artist, t) || !tracksSeen.add(t)
                        || !songsSeen.add(catalog.search().foldedTrackName(t) + '\u0000' + catalog.trackArtists(t)[0])) {
                    continue;
                }
                float score = sims[k] * (0.5f + 0.5f * catalog.popularity(t) / 100f);
                candidates.add(new Pick(t, via, score, explain(artist, via)));
                taken++;
            }
        }
        candidates.sort((x, y) -> x.score() != y.score() ? Float.compare(y.score(), x.score())
                : Integer.compare(x.track(), y.track()));
        return List.copyOf(candidates.subList(0, Math.min(limit, candidates.size())));
    }

    /** "listeners of &lt;artist&gt; also play &lt;via&gt;", with catalog names. */
    public String explain(int artist, int via) {
        return "listeners of " + catalog.artistName(artist) + " also play " + catalog.artistName(via);
    }

    private boolean playsOn(int artist, int track) {
        for (int a : catalog.trackArtists(track)) {
            if (a == artist) {
                return true;
            }
        }
        return false;
    }
}
