package dev.mixtape.algo.learn;

import dev.mixtape.algo.cf.ImplicitAlsModel;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.HistoryEntry;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * The listening model served: implicit-ALS factors over catalog artists, trained on the listener × artist matrix
 * ({@link ListeningMatrix}), with the artist of each model item. {@link #scores} folds a listener's current history
 * into it (a least-squares user vector against the fixed artist factors, as one ALS half-step would compute), so
 * a listener the model was not trained on, or whose history changed since, is scored from what they did up to the
 * last acknowledged event.
 *
 * <p>Fold-in cost: about 3k conjugate-gradient steps of k² + 4k·(artists in the history), then one pass over the
 * model's artists (k = 64: well under a millisecond for a few hundred artists). Immutable and thread-safe.
 */
public final class ListeningModel {
    private final Catalog catalog;
    private final ImplicitAlsModel als;
    private final int[] itemArtist;
    private final int[] artistItem;
    private final ListeningConfig config;
    private final String version;
    private final Map<String, String> info;

    /**
     * @param itemArtist the catalog artist of each model item (distinct)
     * @param version    names the model in answers, caches and {@code GET /api/v1/models}
     */
    public ListeningModel(Catalog catalog, ImplicitAlsModel als, int[] itemArtist, ListeningConfig config, String version,
                          Map<String, String> info) {
        if (itemArtist.length != als.items()) {
            throw new IllegalArgumentException("itemArtist has " + itemArtist.length + " entries, the model " + als.items() + " items");
        }
        this.catalog = catalog;
        this.als = als;
        this.itemArtist = itemArtist.clone();
        this.artistItem = new int[catalog.artistCount()];
        Arrays.fill(artistItem, -1);
        for (int i = 0; i < itemArtist.length; i++) {
            int a = itemArtist[i];
            if (a < 0 || a >= artistItem.length) {
                throw new IllegalArgumentException("item " + i + " maps to artist " + a + ", outside the catalog's " + artistItem.length);
            }
            if (artistItem[a] >= 0) {
                throw new IllegalArgumentException("catalog artist " + catalog.artistId(a) + " is mapped by two items");
            }
            artistItem[a] = i;
        }
        this.config = config;
        this.version = version;
        this.info = Map.copyOf(info);
    }

    public Catalog catalog() {
        return catalog;
    }

    public ImplicitAlsModel als() {
        return als;
    }

    public ListeningConfig config() {
        return config;
    }

    public String version() {
        return version;
    }

    /** What the manifest says (counts, times, validation metrics). */
    public Map<String, String> info() {
        return info;
    }

    /** Catalog artists the model knows. */
    public int artists() {
        return itemArtist.length;
    }

    public boolean covers(int artist) {
        return artistItem[artist] >= 0;
    }

    /** A copy of the catalog artist of each model item. */
    public int[] itemArtists() {
        return itemArtist.clone();
    }

    /** The listener's scores for every catalog artist, folded in from {@code history} at {@code now}. */
    public ArtistScores scores(List<HistoryEntry> history, Instant now) {
        return scores(ListenerArtists.of(catalog, history, now, config));
    }

    /** The scores of a listener with these artists (artists the model does not know are ignored). */
    public ArtistScores scores(ListenerArtists listener) {
        return scores(foldIn(listener));
    }

    /**
     * A listener folded in: their least-squares vector against the artist factors (null when the model knows none of
     * their artists) and the artists they play. About 300 bytes plus 4 per artist: small enough to cache per listener.
     */
    public record Folded(float[] vector, int[] knownArtists) {}

    /** Solves the listener's vector from their artists (the expensive half of {@link #scores(ListenerArtists)}). */
    public Folded foldIn(ListenerArtists listener) {
        int n = listener.size();
        int[] items = new int[n];
        float[] values = new float[n];
        int m = 0;
        for (int e = 0; e < n; e++) {
            int i = artistItem[listener.artists()[e]];
            if (i >= 0) {
                items[m] = i;
                values[m++] = listener.values()[e];
            }
        }
        float[] x = m == 0 ? null : als.foldIn(Arrays.copyOf(items, m), Arrays.copyOf(values, m));
        return new Folded(x, listener.artists().clone());
    }

    /** The scores of a folded-in listener: one pass over the artist factors. */
    public ArtistScores scores(Folded folded) {
        BitSet known = new BitSet(catalog.artistCount());
        for (int a : folded.knownArtists()) {
            known.set(a);
        }
        float[] byArtist = new float[catalog.artistCount()];
        Arrays.fill(byArtist, Float.NEGATIVE_INFINITY);
        if (folded.vector() != null) {
            float[] byItem = new float[als.items()];
            als.scoreVector(folded.vector(), byItem);
            for (int i = 0; i < byItem.length; i++) {
                byArtist[itemArtist[i]] = byItem[i];
            }
        }
        return new ArtistScores(byArtist, known, this);
    }

    /**
     * Of {@code candidates} (catalog artists), the one whose factors point most nearly the way {@code artist}'s do
     * (cosine), or -1 when the model knows neither: the listener's artist that best explains a pick.
     */
    public int closest(int artist, int[] candidates) {
        int i = artistItem[artist];
        if (i < 0) {
            return -1;
        }
        float[] y = als.itemFactors(i);
        int best = -1;
        double bestCos = Double.NEGATIVE_INFINITY;
        for (int c : candidates) {
            int j = artistItem[c];
            if (j < 0 || c == artist) {
                continue;
            }
            float[] z = als.itemFactors(j);
            double dot = 0;
            double nz = 0;
            for (int f = 0; f < y.length; f++) {
                dot += (double) y[f] * z[f];
                nz += (double) z[f] * z[f];
            }
            double cos = nz > 0 ? dot / Math.sqrt(nz) : Double.NEGATIVE_INFINITY;
            if (cos > bestCos) {
                bestCos = cos;
                best = c;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "ListeningModel[" + version + ", " + itemArtist.length + " artists, " + als.users() + " listeners]";
    }
}
