package dev.mixtape.algo.learn;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.Scenes;
import dev.mixtape.core.Catalog;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * A vector for every catalog artist, learned from every signal we have, so that artists no listener has played sit
 * beside the ones they sound and are described like, in the space co-listening defines.
 *
 * <p>How it is fitted ({@link #fit}):
 * <ol>
 *   <li>The space is the listening model's artist factors (iALS over imported Last.fm listeners and our own, so our
 *       own events move it at every retraining). An artist the model knows has its factor direction as target.</li>
 *   <li>Every artist is described by its content: the share of its tracks carrying each catalog genre (so one stray
 *       filing weighs little), the listener tags it was given (tf-idf over the {@value #TAGS} most used), its audio
 *       centroid (standardised) and a constant.</li>
 *   <li>A ridge regression from content to factor direction is fitted on the known artists (each once with its tags
 *       and once without, so that it also places untagged artists), rows weighted by how well the model knows the
 *       artist (its factor's length against the median); the penalty is chosen from {@link #PENALTIES} on a tenth of
 *       the known artists held out, by the mean cosine of the placed direction with the learned one.</li>
 *   <li>An artist's vector is its learned direction mixed with the placed one by that weight (a well-known artist
 *       keeps its own, a barely played one leans on its content), or the placed one alone for an artist no listener
 *       played.</li>
 * </ol>
 *
 * <p>Served as {@link #nearest}: the known artists closest to an artist (cosine), kept to its {@link Scenes scenes},
 * for artists the collaborative neighbours do not cover. The vectors derive from the listening model, its version and
 * the tags, so a fit is deterministic and is refitted (about a second) whenever the model is swapped.
 *
 * <p>Memory: 4 bytes × factors per catalog artist, plus the memoised neighbours. Immutable and thread-safe.
 */
public final class ArtistEmbeddings {
    /** Tag vocabulary: the most used tags (by artists given them). */
    public static final int TAGS = 400;
    /** A tag given fewer catalog artists is left out. */
    static final int MIN_TAG_ARTISTS = 3;
    /** Weight of the standardised audio block against the unit genre and tag blocks. */
    static final double AUDIO_WEIGHT = 0.15;
    static final double[] PENALTIES = {0.3, 1, 3, 10, 30};
    /** Neighbours memoised per artist. */
    static final int MEMO = 50;

    private final Catalog catalog;
    private final Scenes scenes;
    private final int k;
    private final float[] vectors;
    private final BitSet learned;
    private final int[] known;
    private final Map<String, String> info;
    private final ConcurrentHashMap<Integer, int[]> memo = new ConcurrentHashMap<>();

    private ArtistEmbeddings(Catalog catalog, Scenes scenes, int k, float[] vectors, BitSet learned, Map<String, String> info) {
        this.catalog = catalog;
        this.scenes = scenes;
        this.k = k;
        this.vectors = vectors;
        this.learned = learned;
        this.known = learned.stream().toArray();
        this.info = Map.copyOf(info);
    }

    /**
     * Fits the embeddings of {@code catalog}'s artists in {@code model}'s space.
     *
     * @param tags  listener tags per catalog artist, or null when there are none
     * @param blind artists treated as if no listener had played or tagged them (the coherence evaluation's cold rows)
     */
    public static ArtistEmbeddings fit(Catalog catalog, FeatureSpace space, Scenes scenes, ListeningModel model, ArtistTags tags,
                                       IntPredicate blind) {
        long t0 = System.nanoTime();
        if (model.catalog() != catalog || space.catalog() != catalog || scenes.catalog() != catalog) {
            throw new IllegalArgumentException("the listening model, feature space and scenes must belong to the catalog");
        }
        Content content = new Content(catalog, space, tags);
        int k = model.als().factors();
        int n = catalog.artistCount();
        // targets: the learned directions and how well each is known
        int[] itemArtist = model.itemArtists();
        float[][] target = new float[n][];
        double[] norms = new double[itemArtist.length];
        for (int i = 0; i < itemArtist.length; i++) {
            float[] f = model.als().itemFactors(i);
            norms[i] = Math.sqrt(dot(f, f));
            if (norms[i] > 0 && !blind.test(itemArtist[i])) {
                target[itemArtist[i]] = unit(f.clone());
            }
        }
        double median = median(norms);
        float[] weight = new float[n];
        for (int i = 0; i < itemArtist.length; i++) {
            weight[itemArtist[i]] = (float) Math.min(1, median > 0 ? norms[i] / median : 0);
        }
        BitSet learned = new BitSet(n);
        for (int a = 0; a < n; a++) {
            if (target[a] != null) {
                learned.set(a);
            }
        }
        if (learned.isEmpty()) {
            throw new IllegalArgumentException("the listening model knows none of the catalog's artists");
        }
        // a tenth of the learned artists (every tenth by a hash of the id) choose the penalty
        BitSet validation = new BitSet(n);
        learned.stream().filter(a -> Math.floorMod(catalog.artistId(a).hashCode() * 0x9E3779B1, 10) == 0).forEach(validation::set);
        int d = content.dims();
        double[] gramFit = new double[d * d];
        double[] rhsFit = new double[d * k];
        double[] gramAll = new double[d * d];
        double[] rhsAll = new double[d * k];
        for (int a = learned.nextSetBit(0); a >= 0; a = learned.nextSetBit(a + 1)) {
            boolean held = validation.get(a);
            for (int pass = 0; pass < (content.tagged(a) ? 2 : 1); pass++) {
                Sparse x = content.of(a, pass == 0);
                accumulate(gramAll, rhsAll, x, target[a], weight[a], d, k);
                if (!held) {
                    accumulate(gramFit, rhsFit, x, target[a], weight[a], d, k);
                }
            }
        }
        double bestPenalty = PENALTIES[0];
        double bestCosine = Double.NEGATIVE_INFINITY;
        Map<String, String> info = new LinkedHashMap<>();
        if (!validation.isEmpty() && validation.cardinality() < learned.cardinality()) {
            for (double p : PENALTIES) {
                double[] w = solve(gramFit, rhsFit, d, k, p);
                double cos = 0;
                for (int a = validation.nextSetBit(0); a >= 0; a = validation.nextSetBit(a + 1)) {
                    cos += dot(unit(predict(w, content.of(a, false), k)), target[a]);
                }
                cos /= validation.cardinality();
                info.put("validation_cosine_penalty_" + p, String.format(java.util.Locale.ROOT, "%.4f", cos));
                if (cos > bestCosine) {
                    bestCosine = cos;
                    bestPenalty = p;
                }
            }
        }
        double[] w = solve(gramAll, rhsAll, d, k, bestPenalty);
        float[] vectors = new float[n * k];
        int placed = 0;
        for (int a = 0; a < n; a++) {
            boolean cold = blind.test(a);
            float[] v = unit(predict(w, content.of(a, !cold), k));
            if (target[a] != null) {
                float s = weight[a];
                for (int f = 0; f < k; f++) {
                    v[f] = s * target[a][f] + (1 - s) * v[f];
                }
                unit(v);
            }
            if (dot(v, v) > 0) {
                placed++;
            } else {
                Arrays.fill(v, 0f); // nothing to place it by (or a NaN from an artist without tracks)
            }
            System.arraycopy(v, 0, vectors, a * k, k);
        }
        info.put("source", model.version());
        info.put("factors", Integer.toString(k));
        info.put("learned_artists", Integer.toString(learned.cardinality()));
        info.put("placed_artists", Integer.toString(placed));
        info.put("tagged_artists", Integer.toString(tags == null ? 0 : tags.taggedArtists()));
        info.put("tag_vocabulary", Integer.toString(content.tagVocabulary()));
        info.put("content_dims", Integer.toString(d));
        info.put("penalty", Double.toString(bestPenalty));
        if (bestCosine > Double.NEGATIVE_INFINITY) {
            info.put("validation_artists", Integer.toString(validation.cardinality()));
            info.put("validation_cosine", String.format(java.util.Locale.ROOT, "%.4f", bestCosine));
        }
        info.put("fit_ms", Long.toString((System.nanoTime() - t0) / 1_000_000));
        return new ArtistEmbeddings(catalog, scenes, k, vectors, learned, info);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** What was fitted on what: source model, counts, penalty, validation cosine, fit time. */
    public Map<String, String> info() {
        return info;
    }

    /** Whether the artist has a vector (every artist with a track that has a genre, a tag or features). */
    public boolean placed(int artist) {
        int o = artist * k;
        for (int f = 0; f < k; f++) {
            if (vectors[o + f] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the artist's vector comes from co-listening (the listening model knows it). */
    public boolean learned(int artist) {
        return learned.get(artist);
    }

    /** Cosine of two artists' vectors. */
    public float similarity(int a, int b) {
        float s = 0;
        for (int f = 0; f < k; f++) {
            s += vectors[a * k + f] * vectors[b * k + f];
        }
        return s;
    }

    /**
     * Up to {@code limit} artists the listening model knows, closest to {@code artist} (cosine, best first, ties to the
     * lower index), among those its scenes {@link Scenes#allowsArtist allow}; empty when it is not placed.
     */
    public int[] nearest(int artist, int limit) {
        if (limit <= MEMO) {
            int[] m = memo.computeIfAbsent(artist, a -> compute(a, MEMO));
            return m.length <= limit ? m : Arrays.copyOf(m, limit);
        }
        return compute(artist, limit);
    }

    private int[] compute(int artist, int limit) {
        if (!placed(artist)) {
            return new int[0];
        }
        int open = scenes.ofArtist(artist);
        if (limit <= 0) {
            return new int[0];
        }
        dev.mixtape.algo.content.TopK top = new dev.mixtape.algo.content.TopK(limit);
        for (int b : known) {
            if (b != artist && scenes.allowsArtist(open, b)) {
                top.offer(b, similarity(artist, b));
            }
        }
        return top.sortedIds();
    }

    @Override
    public String toString() {
        return "ArtistEmbeddings[" + info.get("source") + ", " + known.length + " learned, " + info.get("placed_artists") + " placed]";
    }

    /** A sparse content row. */
    record Sparse(int[] index, double[] value) {}

    /** The content description of artists: genre shares, tags (tf-idf), standardised audio centroid, a constant. */
    static final class Content {
        private final Catalog catalog;
        private final ArtistTags tags;
        private final int genres;
        private final int[] tagColumn;
        private final double[] idf;
        private final int vocabulary;
        private final float[] centroids;
        private final double[] mean = new double[FeatureSpace.DIMS];
        private final double[] scale = new double[FeatureSpace.DIMS];

        Content(Catalog catalog, FeatureSpace space, ArtistTags tags) {
            this.catalog = catalog;
            this.tags = tags;
            this.genres = catalog.genreCount();
            int n = catalog.artistCount();
            int tagCount = tags == null ? 0 : tags.tags();
            int[] df = new int[tagCount];
            int tagged = 0;
            for (int a = 0; tags != null && a < n; a++) {
                for (int t : tags.of(a)) {
                    df[t]++;
                }
                tagged += tags.of(a).length > 0 ? 1 : 0;
            }
            Integer[] order = new Integer[tagCount];
            for (int t = 0; t < tagCount; t++) {
                order[t] = t;
            }
            Arrays.sort(order, (x, y) -> df[x] != df[y] ? Integer.compare(df[y], df[x]) : Integer.compare(x, y));
            tagColumn = new int[tagCount];
            Arrays.fill(tagColumn, -1);
            idf = new double[tagCount];
            int v = 0;
            for (int r = 0; r < tagCount && v < TAGS; r++) {
                int t = order[r];
                if (df[t] < MIN_TAG_ARTISTS) {
                    break;
                }
                tagColumn[t] = v++;
                idf[t] = Math.log((double) tagged / df[t]) + 1;
            }
            vocabulary = v;
            centroids = space.artistCentroids();
            for (int a = 0; a < n; a++) {
                for (int f = 0; f < FeatureSpace.DIMS; f++) {
                    mean[f] += centroids[a * FeatureSpace.DIMS + f];
                }
            }
            for (int f = 0; f < FeatureSpace.DIMS; f++) {
                mean[f] /= Math.max(1, n);
            }
            for (int a = 0; a < n; a++) {
                for (int f = 0; f < FeatureSpace.DIMS; f++) {
                    double x = centroids[a * FeatureSpace.DIMS + f] - mean[f];
                    scale[f] += x * x;
                }
            }
            for (int f = 0; f < FeatureSpace.DIMS; f++) {
                double sd = Math.sqrt(scale[f] / Math.max(1, n));
                scale[f] = sd > 0 ? AUDIO_WEIGHT / sd / Math.sqrt(FeatureSpace.DIMS) : 0;
            }
        }

        int dims() {
            return genres + vocabulary + FeatureSpace.DIMS + 1;
        }

        int tagVocabulary() {
            return vocabulary;
        }

        boolean tagged(int artist) {
            if (tags == null) {
                return false;
            }
            for (int t : tags.of(artist)) {
                if (tagColumn[t] >= 0) {
                    return true;
                }
            }
            return false;
        }

        Sparse of(int artist, boolean withTags) {
            int[] tracks = catalog.artistTracks(artist);
            double[] share = new double[genres];
            for (int t : tracks) {
                for (int g : catalog.trackGenres(t)) {
                    share[g] += 1.0 / tracks.length;
                }
            }
            int[] idx = new int[dims()];
            double[] val = new double[dims()];
            int m = 0;
            double norm = 0;
            for (int g = 0; g < genres; g++) {
                norm += share[g] * share[g];
            }
            norm = Math.sqrt(norm);
            for (int g = 0; g < genres; g++) {
                if (share[g] > 0) {
                    idx[m] = g;
                    val[m++] = share[g] / norm;
                }
            }
            if (withTags && tags != null) {
                int from = m;
                double tn = 0;
                for (int t : tags.of(artist)) {
                    if (tagColumn[t] >= 0) {
                        idx[m] = genres + tagColumn[t];
                        val[m] = idf[t];
                        tn += idf[t] * idf[t];
                        m++;
                    }
                }
                for (int j = from; j < m; j++) {
                    val[j] /= Math.sqrt(tn);
                }
            }
            int base = genres + vocabulary;
            for (int f = 0; f < FeatureSpace.DIMS; f++) {
                idx[m] = base + f;
                val[m++] = (centroids[artist * FeatureSpace.DIMS + f] - mean[f]) * scale[f];
            }
            idx[m] = base + FeatureSpace.DIMS;
            val[m++] = 1;
            // tag columns were appended in tag-index order, not column order; solve() does not care
            return new Sparse(Arrays.copyOf(idx, m), Arrays.copyOf(val, m));
        }
    }

    private static void accumulate(double[] gram, double[] rhs, Sparse x, float[] y, float w, int d, int k) {
        int[] idx = x.index();
        double[] val = x.value();
        for (int p = 0; p < idx.length; p++) {
            double wp = w * val[p];
            int row = idx[p] * d;
            for (int q = 0; q < idx.length; q++) {
                gram[row + idx[q]] += wp * val[q];
            }
            int r = idx[p] * k;
            for (int f = 0; f < k; f++) {
                rhs[r + f] += wp * y[f];
            }
        }
    }

    /** Ridge solution {@code (G + p·I)⁻¹ R} by Cholesky ({@code d × k}, the constant's column unpenalised). */
    static double[] solve(double[] gram, double[] rhs, int d, int k, double penalty) {
        double[] l = gram.clone();
        for (int i = 0; i < d - 1; i++) {
            l[i * d + i] += penalty;
        }
        l[(d - 1) * d + d - 1] += 1e-6;
        for (int j = 0; j < d; j++) {
            double s = l[j * d + j];
            for (int m = 0; m < j; m++) {
                s -= l[j * d + m] * l[j * d + m];
            }
            if (!(s > 0)) {
                throw new IllegalStateException("content gram matrix is not positive definite at column " + j);
            }
            double ljj = Math.sqrt(s);
            l[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double t = l[i * d + j];
                for (int m = 0; m < j; m++) {
                    t -= l[i * d + m] * l[j * d + m];
                }
                l[i * d + j] = t / ljj;
            }
        }
        double[] x = rhs.clone();
        for (int f = 0; f < k; f++) {
            for (int i = 0; i < d; i++) { // L z = b
                double t = x[i * k + f];
                for (int m = 0; m < i; m++) {
                    t -= l[i * d + m] * x[m * k + f];
                }
                x[i * k + f] = t / l[i * d + i];
            }
            for (int i = d - 1; i >= 0; i--) { // Lᵀ w = z
                double t = x[i * k + f];
                for (int m = i + 1; m < d; m++) {
                    t -= l[m * d + i] * x[m * k + f];
                }
                x[i * k + f] = t / l[i * d + i];
            }
        }
        return x;
    }

    private static float[] predict(double[] w, Sparse x, int k) {
        double[] out = new double[k];
        for (int p = 0; p < x.index().length; p++) {
            int r = x.index()[p] * k;
            double v = x.value()[p];
            for (int f = 0; f < k; f++) {
                out[f] += v * w[r + f];
            }
        }
        float[] o = new float[k];
        for (int f = 0; f < k; f++) {
            o[f] = (float) out[f];
        }
        return o;
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int f = 0; f < a.length; f++) {
            s += a[f] * b[f];
        }
        return s;
    }

    /** Scales {@code v} to unit length in place (a zero vector stays zero) and returns it. */
    private static float[] unit(float[] v) {
        double n = Math.sqrt(dot(v, v));
        if (n > 0) {
            for (int f = 0; f < v.length; f++) {
                v[f] /= (float) n;
            }
        }
        return v;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[s.length / 2];
    }
}
