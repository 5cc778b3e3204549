package dev.mixtape.algo.personality;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.Traits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How Big Five traits translate into music: each trait carries audio-feature targets and genre
 * affinities, applied in proportion to how far the listener's score is from the midpoint (a trait at 0.5
 * says nothing; below 0.5 its preferences turn into aversions, because the published associations are
 * correlations). Sources, summarised in docs/LISTENERS.md:
 * <ul>
 *   <li>Rentfrow &amp; Gosling (2003), STOMP: Openness ↔ Reflective &amp; Complex (classical, jazz,
 *       blues, folk) and Intense &amp; Rebellious; Extraversion and Agreeableness ↔ Upbeat &amp; Conventional
 *       (pop, country, religious, soundtracks); Extraversion ↔ Energetic &amp; Rhythmic (rap, soul/funk,
 *       electronica/dance); Conscientiousness ↔ Upbeat &amp; Conventional, away from Intense &amp; Rebellious.</li>
 *   <li>Rentfrow, Goldberg &amp; Levitin (2011), the MUSIC model: Mellow, Unpretentious, Sophisticated,
 *       Intense, Contemporary; Openness ↔ Sophisticated, Agreeableness ↔ Mellow and Unpretentious.</li>
 *   <li>Greenberg et al. (2016), musical attributes: Openness ↔ depth (complex, low-arousal,
 *       acoustic); Extraversion ↔ positive valence and arousal.</li>
 * </ul>
 * The targets are the starting points (openness: valence ~0.5, acousticness ~0.6; conscientiousness:
 * energy ~0.4, tempo ~100; extraversion: energy ~0.75, danceability ~0.7, valence ~0.8; neuroticism:
 * valence ~0.7) refined with the studies above. Immutable and thread-safe.
 */
public final class PersonalityMusicModel {
    /** The feature targets per trait (index in {@link Traits#NAMES} order). */
    static final List<Map<Attribute, Double>> TARGETS = List.of(
            Map.of(Attribute.VALENCE, 0.5, Attribute.ACOUSTICNESS, 0.6, Attribute.INSTRUMENTALNESS, 0.35),  // openness
            Map.of(Attribute.ENERGY, 0.4, Attribute.TEMPO, 100.0),                                          // conscientiousness
            Map.of(Attribute.ENERGY, 0.75, Attribute.DANCEABILITY, 0.7, Attribute.VALENCE, 0.8),             // extraversion
            Map.of(Attribute.VALENCE, 0.65, Attribute.ACOUSTICNESS, 0.45),                                   // agreeableness
            Map.of(Attribute.VALENCE, 0.7));                                                                 // neuroticism

    /** Genre affinities per trait: +1 drawn to, negative drawn away. Genres are the catalog's (Spotify Tracks) names. */
    static final List<Map<String, Double>> GENRES = List.of(
            genres(1.0, "classical", "folk", "world-music", "jazz", "blues", "opera", "ambient", "idm", "singer-songwriter",
                    "psych-rock", "trip-hop", "new-age", "bluegrass", "tango", "indie", "alternative", "piano",
                    "-0.5", "j-idol", "k-pop", "children", "kids", "party"),
            genres(1.0, "pop", "country", "gospel", "show-tunes", "pop-film", "acoustic", "piano", "singer-songwriter",
                    "-1", "metal", "heavy-metal", "death-metal", "black-metal", "punk", "punk-rock", "hardcore", "grindcore",
                    "metalcore", "grunge", "hard-rock", "industrial", "rock"),
            genres(1.0, "dance", "pop", "hip-hop", "edm", "house", "party", "latin", "reggaeton", "funk", "disco", "dancehall",
                    "salsa", "club", "soul", "electro"),
            genres(1.0, "jazz", "country", "soul", "r-n-b", "gospel", "folk", "acoustic", "pop",
                    "-0.5", "death-metal", "black-metal", "grindcore", "hardcore", "metalcore"),
            genres(1.0, "soul", "pop", "r-n-b", "acoustic", "sad"));

    private static final String[] ADJECTIVE_HIGH = {"high openness", "high conscientiousness", "high extraversion",
        "high agreeableness", "high neuroticism"};
    private static final String[] ADJECTIVE_LOW = {"low openness", "low conscientiousness", "low extraversion",
        "low agreeableness", "low neuroticism"};

    private final Catalog catalog;
    /** Per trait, per genre index: affinity. */
    private final float[][] genreAffinity;
    /** Catalog means of the attributes the targets use: the neutral listener's target. */
    private final Map<Attribute, Double> means;

    public PersonalityMusicModel(Catalog catalog) {
        this.catalog = catalog;
        genreAffinity = new float[5][catalog.genreCount()];
        for (int t = 0; t < 5; t++) {
            for (Map.Entry<String, Double> e : GENRES.get(t).entrySet()) {
                int g = catalog.genreIndexOf(e.getKey());
                if (g >= 0) {
                    genreAffinity[t][g] = e.getValue().floatValue();
                }
            }
        }
        java.util.EnumMap<Attribute, Double> m = new java.util.EnumMap<>(Attribute.class);
        for (Map<Attribute, Double> targets : TARGETS) {
            for (Attribute a : targets.keySet()) {
                m.computeIfAbsent(a, this::mean);
            }
        }
        means = Map.copyOf(m);
    }

    private double mean(Attribute a) {
        float[] col = catalog.column(a);
        double s = 0;
        for (float v : col) {
            s += v;
        }
        return col.length == 0 ? 0 : s / col.length;
    }

    private static Map<String, Double> genres(double start, String... spec) {
        Map<String, Double> out = new java.util.HashMap<>();
        double w = start;
        for (String s : spec) {
            if (s.startsWith("-") && Character.isDigit(s.charAt(1))) {
                w = Double.parseDouble(s);
            } else {
                out.put(s, w);
            }
        }
        return Map.copyOf(out);
    }

    /** A listener's scorer: the per-track match of one trait profile, from 0 to 1. */
    public Scorer scorer(Traits traits) {
        return new Scorer(traits);
    }

    public final class Scorer {
        private final double[] deviation = new double[5];
        private final Attribute[] attrs;
        private final float[][] columns;
        private final double[] target;
        private final double[] weight;
        private final float[] genreScore;
        private final double strength;

        Scorer(Traits traits) {
            double[] s = traits.toArray();
            double total = 0;
            for (int t = 0; t < 5; t++) {
                deviation[t] = 2 * (s[t] - 0.5);
                total += Math.abs(deviation[t]);
            }
            strength = total / 5;
            List<Attribute> as = new ArrayList<>(means.keySet());
            as.sort(null);
            attrs = as.toArray(Attribute[]::new);
            columns = new float[attrs.length][];
            for (int i = 0; i < attrs.length; i++) {
                columns[i] = catalog.column(attrs[i]);
            }
            target = new double[attrs.length];
            weight = new double[attrs.length];
            for (int i = 0; i < attrs.length; i++) {
                Attribute a = attrs[i];
                double mean = means.get(a);
                double tv = mean;
                for (int t = 0; t < 5; t++) {
                    Double pref = TARGETS.get(t).get(a);
                    if (pref != null) {
                        tv += deviation[t] * (pref - mean);
                        weight[i] += Math.abs(deviation[t]);
                    }
                }
                target[i] = Math.max(a.min(), Math.min(a == Attribute.TEMPO ? 200 : a.max(), tv));
            }
            genreScore = new float[catalog.genreCount()];
            for (int g = 0; g < genreScore.length; g++) {
                double v = 0;
                for (int t = 0; t < 5; t++) {
                    v += deviation[t] * genreAffinity[t][g];
                }
                genreScore[g] = (float) Math.max(-1, Math.min(1, v));
            }
        }

        /** How strongly the profile differs from a neutral one, 0 (all traits at 0.5) to 1. */
        public double strength() {
            return strength;
        }

        /** The profile's match with track {@code t}, 0–1: feature closeness (60%) and genre affinity (40%). */
        public double match(int t) {
            double wsum = 0, d2 = 0;
            for (int i = 0; i < attrs.length; i++) {
                if (weight[i] == 0) {
                    continue;
                }
                double diff = (columns[i][t] - target[i]) / (attrs[i] == Attribute.TEMPO ? 200.0 : 1.0);
                d2 += weight[i] * diff * diff;
                wsum += weight[i];
            }
            double feature = wsum == 0 ? 0.5 : Math.exp(-(d2 / wsum) / 0.05);
            return 0.6 * feature + 0.4 * genre(t);
        }

        /**
         * {@link #match} for every track at once, into {@code out} (length ≥ catalog size): column by column,
         * so the loops vectorise; the same values as {@code match(t)} up to float rounding.
         */
        public void matchAll(float[] out) {
            int n = catalog.size();
            double wsum = 0;
            for (double w : weight) {
                wsum += w;
            }
            java.util.Arrays.fill(out, 0, n, 0f);
            if (wsum > 0) {
                for (int i = 0; i < attrs.length; i++) {
                    if (weight[i] == 0) {
                        continue;
                    }
                    float[] col = columns[i];
                    float tv = (float) target[i];
                    float inv = (float) (1.0 / (attrs[i] == Attribute.TEMPO ? 200.0 : 1.0));
                    float w = (float) (weight[i] / wsum / 0.05);
                    for (int t = 0; t < n; t++) {
                        float d = (col[t] - tv) * inv;
                        out[t] += w * d * d;
                    }
                }
                for (int t = 0; t < n; t++) {
                    out[t] = (float) (0.6 * Math.exp(-out[t]));
                }
            } else {
                java.util.Arrays.fill(out, 0, n, 0.3f);
            }
            float[] best = new float[n];
            java.util.Arrays.fill(best, 0, n, Float.NaN);
            for (int g = 0; g < genreScore.length; g++) {
                float gs = genreScore[g];
                for (int t : catalog.genreTracks(g)) {
                    if (!(best[t] >= gs)) {
                        best[t] = gs;
                    }
                }
            }
            for (int t = 0; t < n; t++) {
                float b = best[t];
                out[t] += (float) (0.4 * (Float.isNaN(b) ? 0.5 : (1 + b) / 2));
            }
        }

        /** Genre affinity of the track's best genre, 0 (aversion) to 1 (attraction), 0.5 neutral. */
        public double genre(int t) {
            int[] gs = catalog.trackGenres(t);
            if (gs.length == 0) {
                return 0.5;
            }
            float best = -1;
            for (int g : gs) {
                best = Math.max(best, genreScore[g]);
            }
            return (1 + best) / 2;
        }

        /**
         * The trait that most explains why track {@code t} fits, as words ("high openness"), or null when no
         * trait is far enough from the midpoint to say.
         */
        public String mainTrait(int t) {
            int best = -1;
            double bestScore = 0.15;
            int[] gs = catalog.trackGenres(t);
            for (int tr = 0; tr < 5; tr++) {
                double dev = deviation[tr];
                if (Math.abs(dev) < 0.2) {
                    continue;
                }
                double g = 0;
                for (int genre : gs) {
                    g = Math.max(g, dev * genreAffinity[tr][genre]);
                }
                double f = 0;
                int n = 0;
                for (Map.Entry<Attribute, Double> e : TARGETS.get(tr).entrySet()) {
                    double scale = e.getKey() == Attribute.TEMPO ? 200.0 : 1.0;
                    // a high trait aims at its target; a low one at the mirror image of it around the catalog mean
                    double aim = dev > 0 ? e.getValue() : 2 * means.get(e.getKey()) - e.getValue();
                    f += 1 - Math.min(1, 3 * Math.abs(catalog.value(e.getKey(), t) - aim) / scale);
                    n++;
                }
                double score = g + Math.abs(dev) * (n == 0 ? 0 : f / n);
                if (score > bestScore) {
                    bestScore = score;
                    best = tr;
                }
            }
            return best < 0 ? null : deviation[best] > 0 ? ADJECTIVE_HIGH[best] : ADJECTIVE_LOW[best];
        }

        /** The genre indices the profile draws to most, best first, at most {@code k}, each with a positive score. */
        public int[] topGenres(int k) {
            Integer[] idx = new Integer[genreScore.length];
            for (int g = 0; g < idx.length; g++) {
                idx[g] = g;
            }
            java.util.Arrays.sort(idx, (a, b) -> Float.compare(genreScore[b], genreScore[a]) != 0
                    ? Float.compare(genreScore[b], genreScore[a]) : Integer.compare(a, b));
            return java.util.Arrays.stream(idx).limit(k).filter(g -> genreScore[g] > 0).mapToInt(Integer::intValue).toArray();
        }
    }
}
