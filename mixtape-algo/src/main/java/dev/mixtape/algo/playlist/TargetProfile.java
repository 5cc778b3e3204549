package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.algo.content.Scenes;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.MoodTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A {@link MoodTarget} compiled against one catalog: names resolved to dense indices (sorted, so that
 * nothing depends on set iteration order), hard exclusions as bit sets and sorted arrays, and the target
 * as a point in {@link FeatureSpace} with a weight per dimension.
 *
 * <p><b>Target fit</b> of a track is the mean, over the attributes the target has a value or a range for,
 * of {@code max(0, 1 − (|v − target| + outside) / tolerance)}, where {@code outside} is how far {@code v}
 * lies outside the attribute's range (0 inside or without one; range-only attributes count just that)
 * and the tolerance is the difference at which the attribute's fit reaches 0: {@value #UNIT_TOLERANCE}
 * for 0–1 attributes, {@value #TEMPO_TOLERANCE} BPM for tempo, {@value #LOUDNESS_TOLERANCE} dB for
 * loudness, the attribute's {@link Attribute#scale() scale} otherwise. No targets: fit 1.
 *
 * <p><b>Target point</b>: dimensions with a target take its coordinate (weight 1); with only a range, the
 * range's middle (weight {@value #RANGE_DIM_WEIGHT}). Other dimensions take the sound of what the prompt
 * names: the mean of the mentioned tracks' points and mentioned artists' centroids (weight
 * {@value #REFERENCE_DIM_WEIGHT}); when it names none, the mean centroid of the wanted genres, or of the
 * catalog (weight {@value #FREE_DIM_WEIGHT}), a mild pull towards typical sound.
 *
 * <p><b>Genre match</b> is 1 for a track with a wanted genre; when no genre is wanted but tracks or artists
 * are mentioned, the genres they imply count instead (the mentioned tracks' genres and each mentioned
 * artist's {@value #IMPLIED_PER_ARTIST} main genres, less excluded ones), as a soft preference; with
 * neither, every track matches.
 *
 * <p>Immutable once built; thread-safe.
 */
public final class TargetProfile {
    static final double UNIT_TOLERANCE = 0.5;
    static final double TEMPO_TOLERANCE = 60;
    static final double LOUDNESS_TOLERANCE = 15;
    static final float RANGE_DIM_WEIGHT = 0.6f;
    static final float FREE_DIM_WEIGHT = 0.3f;
    static final float REFERENCE_DIM_WEIGHT = 0.6f;
    static final int IMPLIED_PER_ARTIST = 2;

    private final MoodTarget target;
    private final Catalog catalog;
    private final FeatureSpace space;
    private final GenreSets genreSets;
    private final float[] rows;
    private final int[] fitAttrs;
    private final float[] fitTargets;
    private final float[] lo;
    private final float[] hi;
    private final float[] invTolerance;
    private final float[] point = new float[FeatureSpace.DIMS];
    private final float[] dimWeights = new float[FeatureSpace.DIMS];
    private final int[] genres;
    private final long[] genreSet;
    private final int[] excludedGenres;
    private final long[] excludedGenreSet;
    private final int[] excludedArtists;
    private final List<String> notes;
    /** Null: any scene; else tracks must be {@link Scenes#allowsTrack allowed} for {@link #openScenes}. */
    private final Scenes scenes;
    private final int openScenes;

    /**
     * @param catalogMean the mean point of the whole catalog ({@code DIMS} floats), for dimensions the
     *                    target leaves free when it names no genre
     */
    public TargetProfile(MoodTarget target, FeatureSpace space, GenreSets genreSets, float[] catalogMean) {
        this(target, space, genreSets, catalogMean, false);
    }

    /**
     * @param keepScenes whether tracks from a {@link Scenes scene} the target does not open are excluded: a scene opens
     *                   when the target names one of its genres or an artist or track of it (a playlist "like Radiohead"
     *                   gets no Indian film songs, "bollywood party" does)
     */
    public TargetProfile(MoodTarget target, FeatureSpace space, GenreSets genreSets, float[] catalogMean, boolean keepScenes) {
        this.target = target;
        this.space = space;
        this.catalog = space.catalog();
        this.genreSets = genreSets;
        this.rows = space.attributeRows();
        List<String> notes = new ArrayList<>();
        genres = resolveGenres(target.genres(), notes, "wanted");
        excludedGenres = resolveGenres(target.excludedGenres(), notes, "excluded");
        excludedGenreSet = excludedGenres.length == 0 ? null : genreSets.of(excludedGenres);
        int[] refTracks = target.tracks().stream().mapToInt(catalog::indexOf).filter(t -> t >= 0).distinct().toArray();
        int[] refArtists = target.artists().stream().mapToInt(catalog::artistIndexOf).filter(a -> a >= 0).distinct().toArray();
        genreSet = genres.length > 0 ? genreSets.of(genres) : impliedGenres(refTracks, refArtists);
        excludedArtists = target.excludedArtists().stream().sorted().mapToInt(id -> {
            int a = catalog.artistIndexOf(id);
            if (a < 0) {
                notes.add("excluded artist '" + id + "' is not in the catalog; nothing to exclude");
            }
            return a;
        }).filter(a -> a >= 0).sorted().toArray();
        this.notes = List.copyOf(notes);
        this.scenes = keepScenes ? genreSets.scenes() : null;
        int open = 0;
        if (keepScenes) {
            open = scenes.ofGenres(genres) | scenes.ofArtists(refArtists);
            for (int t : refTracks) {
                open |= scenes.ofArtists(catalog.trackArtists(t));
            }
        }
        this.openScenes = open;

        int count = 0;
        for (Attribute a : Attribute.values()) {
            if (target.targets().containsKey(a) || target.ranges().containsKey(a)) {
                count++;
            }
        }
        fitAttrs = new int[count];
        fitTargets = new float[count];
        lo = new float[count];
        hi = new float[count];
        invTolerance = new float[count];
        boolean referenced = refTracks.length + refArtists.length > 0;
        float[] free = referenced ? referencePoint(refTracks, refArtists) : freePoint(catalogMean);
        System.arraycopy(free, 0, point, 0, point.length);
        Arrays.fill(dimWeights, referenced ? REFERENCE_DIM_WEIGHT : FREE_DIM_WEIGHT);
        int k = 0;
        for (Attribute a : Attribute.values()) {
            Double t = target.targets().get(a);
            MoodTarget.Range r = target.ranges().get(a);
            if (t == null && r == null) {
                continue;
            }
            fitAttrs[k] = a.ordinal();
            fitTargets[k] = t == null ? Float.NaN : t.floatValue();
            lo[k] = r == null ? Float.NEGATIVE_INFINITY : (float) r.min();
            hi[k] = r == null ? Float.POSITIVE_INFINITY : (float) r.max();
            invTolerance[k] = (float) (1.0 / tolerance(a));
            k++;
            int dim = FeatureSpace.dimension(a);
            if (dim >= 0) {
                double v = t != null ? t : (r.min() + r.max()) / 2;
                point[dim] = FeatureSpace.coordinate(a, v);
                dimWeights[dim] = t != null ? 1f : RANGE_DIM_WEIGHT;
            }
        }
    }

    /** The mean point of the whole catalog, for the {@code catalogMean} argument (computed once per catalog). */
    public static float[] catalogMean(FeatureSpace space) {
        float[] points = space.points();
        int n = space.catalog().size();
        double[] sum = new double[FeatureSpace.DIMS];
        for (int t = 0; t < n; t++) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += points[t * FeatureSpace.DIMS + d];
            }
        }
        float[] out = new float[FeatureSpace.DIMS];
        for (int d = 0; d < out.length; d++) {
            out[d] = n == 0 ? 0f : (float) (sum[d] / n);
        }
        return out;
    }

    /** The difference at which an attribute's fit reaches 0. */
    static double tolerance(Attribute a) {
        return switch (a) {
            case TEMPO -> TEMPO_TOLERANCE;
            case LOUDNESS -> LOUDNESS_TOLERANCE;
            default -> a.max() == 1 && a.min() == 0 && !a.isInteger() ? UNIT_TOLERANCE : a.scale();
        };
    }

    private float[] referencePoint(int[] tracks, int[] artists) {
        float[] out = new float[FeatureSpace.DIMS];
        int count = tracks.length + artists.length;
        for (int t : tracks) {
            for (int d = 0; d < out.length; d++) {
                out[d] += space.points()[t * FeatureSpace.DIMS + d] / count;
            }
        }
        for (int a : artists) {
            for (int d = 0; d < out.length; d++) {
                out[d] += space.artistCentroids()[a * FeatureSpace.DIMS + d] / count;
            }
        }
        return out;
    }

    /** The genres the mentioned tracks and artists imply, less excluded ones; null when none. */
    private long[] impliedGenres(int[] tracks, int[] artists) {
        java.util.TreeSet<Integer> implied = new java.util.TreeSet<>();
        for (int t : tracks) {
            for (int g : catalog.trackGenres(t)) {
                implied.add(g);
            }
        }
        for (int a : artists) {
            int[] gs = catalog.artistGenres(a);
            for (int k = 0; k < Math.min(IMPLIED_PER_ARTIST, gs.length); k++) {
                implied.add(gs[k]);
            }
        }
        implied.removeIf(g -> Arrays.binarySearch(excludedGenres, g) >= 0);
        return implied.isEmpty() ? null : genreSets.of(implied.stream().mapToInt(Integer::intValue).toArray());
    }

    private float[] freePoint(float[] catalogMean) {
        if (genres.length == 0) {
            return catalogMean.clone();
        }
        float[] out = new float[FeatureSpace.DIMS];
        float[] centroids = space.genreCentroids();
        for (int g : genres) {
            for (int d = 0; d < out.length; d++) {
                out[d] += centroids[g * FeatureSpace.DIMS + d] / genres.length;
            }
        }
        return out;
    }

    private int[] resolveGenres(java.util.Set<String> names, List<String> notes, String what) {
        return names.stream().sorted().mapToInt(name -> {
            int g = catalog.genreIndexOf(name);
            if (g < 0) {
                g = catalog.genreIndexOf(name.strip().toLowerCase(Locale.ROOT));
            }
            if (g < 0) {
                notes.add(what + " genre '" + name + "' is not in the catalog; ignored");
            }
            return g;
        }).filter(g -> g >= 0).distinct().sorted().toArray();
    }

    public MoodTarget target() {
        return target;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Remarks on the target (names not found in the catalog), for the playlist's report. */
    public List<String> notes() {
        return notes;
    }

    /** How well the track matches the target's values and ranges, 0–1 (see the class comment). */
    public float fit(int t) {
        int n = fitAttrs.length;
        if (n == 0) {
            return 1f;
        }
        float sum = 0f;
        for (int k = 0; k < n; k++) {
            sum += attributeFit(k, t);
        }
        return sum / n;
    }

    /** True when a hard exclusion (explicit content, a scene not opened, an excluded genre or artist) rules the track out. */
    public boolean excluded(int t) {
        if (!target.allowExplicit() && catalog.explicit(t)) {
            return true;
        }
        if (scenes != null && !scenes.allowsTrack(openScenes, t)) {
            return true;
        }
        if (excludedGenreSet != null && genreSets.intersectsTrack(excludedGenreSet, t)) {
            return true;
        }
        if (excludedArtists.length > 0) {
            for (int a : catalog.trackArtists(t)) {
                if (Arrays.binarySearch(excludedArtists, a) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean artistExcluded(int artist) {
        return Arrays.binarySearch(excludedArtists, artist) >= 0 || (scenes != null && !scenes.allowsArtist(openScenes, artist));
    }

    /** 1 when the track has a wanted (or, when none is wanted, an implied) genre, or there are none; else 0. */
    public float genreMatch(int t) {
        return genreSet == null || genreSets.intersectsTrack(genreSet, t) ? 1f : 0f;
    }

    /** True when the artist has a wanted (or implied, see {@link #genreMatch}) genre, or there are none. */
    public boolean artistGenreMatch(int artist) {
        return genreSet == null || genreSets.intersectsArtist(genreSet, artist);
    }

    /** Wanted genres (dense indices, sorted); empty = any. Shared: do not modify. */
    public int[] genres() {
        return genres;
    }

    public int[] excludedGenres() {
        return excludedGenres;
    }

    public boolean genreExcluded(int genre) {
        return Arrays.binarySearch(excludedGenres, genre) >= 0;
    }

    /** The target point in {@link FeatureSpace}. Shared: do not modify. */
    public float[] point() {
        return point;
    }

    /** The weight of each dimension in {@link #distance2}. Shared: do not modify. */
    public float[] dimWeights() {
        return dimWeights;
    }

    /** Weighted squared distance from the target point to the point at {@code pts[o..]}. */
    public float distance2(float[] pts, int o) {
        float s = 0f;
        for (int k = 0; k < FeatureSpace.DIMS; k++) {
            float d = dimWeights[k] * (pts[o + k] - point[k]);
            s += d * d;
        }
        return s;
    }

    /** The attribute ordinals fit is computed over, in {@link Attribute} order. Shared: do not modify. */
    int[] fitAttributes() {
        return fitAttrs;
    }

    /** The target value of the k-th fit attribute, NaN when it has only a range. */
    float fitTarget(int k) {
        return fitTargets[k];
    }

    /** Fit of one attribute (the k-th of {@link #fitAttributes}) for a track, 0–1. */
    float attributeFit(int k, int t) {
        float v = rows[t * Attribute.count() + fitAttrs[k]];
        float tv = fitTargets[k];
        float d = tv == tv ? Math.abs(v - tv) : 0f;
        if (v < lo[k]) {
            d += lo[k] - v;
        } else if (v > hi[k]) {
            d += v - hi[k];
        }
        return Math.max(0f, 1f - d * invTolerance[k]);
    }
}
