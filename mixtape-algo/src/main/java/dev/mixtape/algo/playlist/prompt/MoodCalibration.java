package dev.mixtape.algo.playlist.prompt;

import static dev.mixtape.algo.playlist.prompt.MoodFeatures.COUNT;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.ENERGY;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.VALENCE;

import dev.mixtape.core.DataDir;
import dev.mixtape.core.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recomputes the mood vocabulary's constants ({@link MoodConstants}) from the datasets in the data
 * directory ({@link DataDir}: {@code MIXTAPE_DATA_DIR}, else {@code ../shared/data} beside the checkout).
 * Offline tool: {@code main} prints the constants as Java source and a summary; {@code MoodCalibrationIT} checks the committed ones still match. The method
 * (documented in docs/PROMPTS.md):
 * <ol>
 *   <li>{@code mood-spotify-data-moods}: mean and standard deviation of the eight features per
 *       label (Happy, Sad, Energetic, Calm).</li>
 *   <li>{@code mood-deezer-valence-arousal} joined to {@code spotify-tracks-114k} on folded
 *       (artist, title): Spotify valence and energy of the joined tracks per region of the
 *       valence/arousal plane (split at the medians): Happy = V+A+, Sad = V−A−, Calm = V+A−,
 *       Energetic = A+.</li>
 *   <li>Each mood keeps the Spotify-labelled mean on the axis its label defines ({@link Mood#definingAxis});
 *       the other of valence/energy is the average of the labelled mean and the Deezer estimate.</li>
 *   <li>Neutral = the mean of the four moods; the six other features move half-way from neutral to
 *       the labelled mean (the playlists' production style, not the mood itself).</li>
 *   <li>Spread = the labelled standard deviation plus the distance between the target and the labelled mean.</li>
 * </ol>
 */
public final class MoodCalibration {
    private MoodCalibration() {}

    static final double SECONDARY_WEIGHT = 0.5;
    private static final String[] COLUMNS = {"valence", "energy", "danceability", "acousticness",
        "instrumentalness", "speechiness", "tempo", "loudness"};

    /** Joined Deezer tracks: how many, Pearson r of Deezer valence vs Spotify valence and arousal vs energy, region means. */
    public record DeezerJoin(int joined, double valenceR, double energyR, double[][] regionMeans, int[] regionCounts) {}

    /** Everything derived; arrays indexed [mood ordinal][feature] in {@link MoodFeatures} order. */
    public record Result(int[] labelled, double[][] labelledMean, double[][] labelledStd, DeezerJoin deezer,
                         double[][] centroid, double[][] spread, double[] neutral, double[] neutralSpread) {}

    /** The data directory ({@link DataDir}): {@code MIXTAPE_DATA_DIR}, else {@code ../shared/data} beside the checkout. */
    public static Path dataDir() {
        return DataDir.resolve();
    }

    public static Path moodsFile(Path dataDir) {
        return dataDir.resolve("mood-spotify-data-moods").resolve("data_moods.csv");
    }

    public static Result compute(Path dataDir) throws IOException {
        int moods = Mood.values().length;
        double[][] sum = new double[moods][COUNT];
        double[][] sq = new double[moods][COUNT];
        int[] n = new int[moods];
        double[] allSum = new double[COUNT];
        double[] allSq = new double[COUNT];
        int[] all = {0};
        CsvRows.forEach(moodsFile(dataDir), row -> {
            Mood m = moodOf(row.get("mood"));
            n[m.ordinal()]++;
            all[0]++;
            for (int f = 0; f < COUNT; f++) {
                double v = row.number(COLUMNS[f]);
                sum[m.ordinal()][f] += v;
                sq[m.ordinal()][f] += v * v;
                allSum[f] += v;
                allSq[f] += v * v;
            }
        });
        double[][] mean = new double[moods][COUNT];
        double[][] std = new double[moods][COUNT];
        for (int m = 0; m < moods; m++) {
            for (int f = 0; f < COUNT; f++) {
                mean[m][f] = sum[m][f] / n[m];
                std[m][f] = Math.sqrt(Math.max(0, sq[m][f] / n[m] - mean[m][f] * mean[m][f]));
            }
        }
        double[] neutralSpread = new double[COUNT];
        for (int f = 0; f < COUNT; f++) {
            double mu = allSum[f] / all[0];
            neutralSpread[f] = Math.sqrt(Math.max(0, allSq[f] / all[0] - mu * mu));
        }
        DeezerJoin dz = deezer(dataDir);
        return derive(n, mean, std, dz, neutralSpread);
    }

    static Result derive(int[] n, double[][] mean, double[][] std, DeezerJoin dz, double[] neutralSpread) {
        int moods = Mood.values().length;
        double[][] centroid = new double[moods][COUNT];
        double[] neutral = new double[COUNT];
        for (Mood m : Mood.values()) {
            int o = m.ordinal();
            centroid[o][m.definingAxis()] = mean[o][m.definingAxis()];
            centroid[o][m.otherAxis()] = (mean[o][m.otherAxis()] + dz.regionMeans()[o][m.otherAxis()]) / 2;
        }
        for (int f = 0; f < COUNT; f++) {
            for (int m = 0; m < moods; m++) {
                neutral[f] += (f == VALENCE || f == ENERGY ? centroid[m][f] : mean[m][f]) / moods;
            }
        }
        double[][] spread = new double[moods][COUNT];
        for (int m = 0; m < moods; m++) {
            for (int f = 0; f < COUNT; f++) {
                if (f != VALENCE && f != ENERGY) {
                    centroid[m][f] = neutral[f] + SECONDARY_WEIGHT * (mean[m][f] - neutral[f]);
                }
                spread[m][f] = std[m][f] + Math.abs(centroid[m][f] - mean[m][f]);
            }
        }
        return new Result(n, mean, std, dz, centroid, spread, neutral, neutralSpread);
    }

    private static Mood moodOf(String label) {
        for (Mood m : Mood.values()) {
            if (m.label().equals(label.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mood label '" + label + "'");
    }

    static DeezerJoin deezer(Path dataDir) throws IOException {
        Map<String, double[]> spotify = new HashMap<>(1 << 18);
        CsvRows.forEach(dataDir.resolve("spotify-tracks-114k").resolve("dataset.csv.gz"), row -> {
            String title = TextNormalizer.fold(row.get("track_name"));
            double[] ve = null;
            for (String artist : row.get("artists").split(";")) {
                String key = TextNormalizer.fold(artist) + '\n' + title;
                if (!spotify.containsKey(key)) {
                    ve = ve != null ? ve : new double[] {row.number("valence"), row.number("energy")};
                    spotify.put(key, ve);
                }
            }
        });
        List<double[]> joined = new ArrayList<>(); // deezer valence, arousal, spotify valence, energy
        for (String part : new String[] {"train", "validation", "test"}) {
            CsvRows.forEach(dataDir.resolve("mood-deezer-valence-arousal").resolve(part + ".csv.gz"), row -> {
                double[] ve = spotify.get(TextNormalizer.fold(row.get("artist_name")) + '\n'
                        + TextNormalizer.fold(row.get("track_name")));
                if (ve != null) {
                    joined.add(new double[] {row.number("valence"), row.number("arousal"), ve[0], ve[1]});
                }
            });
        }
        double mv = median(joined, 0);
        double ma = median(joined, 1);
        double[][] sums = new double[Mood.values().length][COUNT];
        int[] counts = new int[Mood.values().length];
        for (double[] j : joined) {
            boolean v = j[0] > mv;
            boolean a = j[1] > ma;
            for (Mood m : Mood.values()) {
                boolean in = switch (m) {
                    case HAPPY -> v && a;
                    case SAD -> !v && !a;
                    case CALM -> v && !a;
                    case ENERGETIC -> a;
                };
                if (in) {
                    sums[m.ordinal()][VALENCE] += j[2];
                    sums[m.ordinal()][ENERGY] += j[3];
                    counts[m.ordinal()]++;
                }
            }
        }
        for (int m = 0; m < counts.length; m++) {
            for (int f = 0; f < COUNT; f++) {
                sums[m][f] /= Math.max(1, counts[m]);
            }
        }
        return new DeezerJoin(joined.size(), pearson(joined, 0, 2), pearson(joined, 1, 3), sums, counts);
    }

    private static double median(List<double[]> rows, int col) {
        double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
        if (v.length == 0) {
            throw new IllegalStateException("no Deezer track joined the Spotify catalog");
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double pearson(List<double[]> rows, int x, int y) {
        double mx = rows.stream().mapToDouble(r -> r[x]).average().orElse(0);
        double my = rows.stream().mapToDouble(r -> r[y]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] r : rows) {
            sxy += (r[x] - mx) * (r[y] - my);
            sxx += (r[x] - mx) * (r[x] - mx);
            syy += (r[y] - my) * (r[y] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Prints the constants as Java source for {@link MoodConstants}, then a summary. */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : dataDir();
        if (!Files.isRegularFile(moodsFile(dir))) {
            System.err.println("no " + moodsFile(dir) + "; set MIXTAPE_DATA_DIR or pass the data directory");
            System.exit(2);
        }
        Result r = compute(dir);
        System.out.println("    static final double[][] CENTROID = " + java(r.centroid()) + ";");
        System.out.println("    static final double[][] SPREAD = " + java(r.spread()) + ";");
        System.out.println("    static final double[] NEUTRAL = " + java(r.neutral()) + ";");
        System.out.println("    static final double[] NEUTRAL_SPREAD = " + java(r.neutralSpread()) + ";");
        System.out.println();
        System.out.printf(Locale.ROOT, "labelled tracks %s; Deezer joined %d (r valence %.3f, r arousal/energy %.3f), region counts %s%n",
                Arrays.toString(r.labelled()), r.deezer().joined(), r.deezer().valenceR(), r.deezer().energyR(),
                Arrays.toString(r.deezer().regionCounts()));
        for (Mood m : Mood.values()) {
            System.out.printf(Locale.ROOT, "%-9s labelled V %.3f E %.3f | Deezer V %.3f E %.3f%n", m.label(),
                    r.labelledMean()[m.ordinal()][VALENCE], r.labelledMean()[m.ordinal()][ENERGY],
                    r.deezer().regionMeans()[m.ordinal()][VALENCE], r.deezer().regionMeans()[m.ordinal()][ENERGY]);
        }
    }

    private static String java(double[][] rows) {
        StringBuilder sb = new StringBuilder("{\n");
        for (int m = 0; m < rows.length; m++) {
            sb.append("        /* ").append(Mood.values()[m].name()).append(" */ ").append(java(rows[m])).append(",\n");
        }
        return sb.append("    }").toString();
    }

    private static String java(double[] row) {
        StringBuilder sb = new StringBuilder("{");
        for (int f = 0; f < row.length; f++) {
            sb.append(f == 0 ? "" : ", ").append(String.format(Locale.ROOT, f >= MoodFeatures.TEMPO ? "%.2f" : "%.4f", row[f]));
        }
        return sb.append('}').toString();
    }
}
