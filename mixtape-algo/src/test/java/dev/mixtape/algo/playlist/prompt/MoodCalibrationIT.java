package dev.mixtape.algo.playlist.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recomputes the mood calibration from the real datasets and checks the constants committed in
 * {@link MoodConstants} still match (to their printed precision). Data from {@code MIXTAPE_DATA_DIR},
 * else {@code ../shared/data} beside the checkout ({@code DataDir}); without it the test is skipped with a message,
 * unless {@code CI=true}, where that is a failure.
 */
class MoodCalibrationIT {
    private static MoodCalibration.Result result;

    @BeforeAll
    static void compute() throws Exception {
        Path dir = MoodCalibration.dataDir().toAbsolutePath().normalize();
        List<Path> needed = List.of(MoodCalibration.moodsFile(dir),
                dir.resolve("mood-deezer-valence-arousal").resolve("train.csv.gz"),
                dir.resolve("spotify-tracks-114k").resolve("dataset.csv.gz"));
        for (Path p : needed) {
            if (!Files.isRegularFile(p)) {
                String msg = "calibration data missing: " + p + "; set MIXTAPE_DATA_DIR to the shared data directory";
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException(msg);
                }
                System.err.println("MoodCalibrationIT skipped: " + msg);
                Assumptions.abort(msg);
            }
        }
        result = MoodCalibration.compute(dir);
    }

    @Test
    void readsTheWholeDatasets() {
        assertThat(result.labelled()).containsExactly(140, 197, 154, 195);
        assertThat(result.deezer().joined()).isEqualTo(1193);
        assertThat(result.deezer().valenceR()).isCloseTo(0.442, within(0.001));
        assertThat(result.deezer().energyR()).isCloseTo(0.439, within(0.001));
    }

    @Test
    void committedConstantsMatchTheData() {
        for (Mood m : Mood.values()) {
            for (int f = 0; f < MoodFeatures.COUNT; f++) {
                String what = m + " " + MoodFeatures.name(f);
                assertThat(MoodConstants.CENTROID[m.ordinal()][f]).as("centroid " + what)
                        .isCloseTo(result.centroid()[m.ordinal()][f], within(tolerance(f)));
                assertThat(MoodConstants.SPREAD[m.ordinal()][f]).as("spread " + what)
                        .isCloseTo(result.spread()[m.ordinal()][f], within(tolerance(f)));
            }
        }
        for (int f = 0; f < MoodFeatures.COUNT; f++) {
            assertThat(MoodConstants.NEUTRAL[f]).as("neutral " + MoodFeatures.name(f))
                    .isCloseTo(result.neutral()[f], within(tolerance(f)));
            assertThat(MoodConstants.NEUTRAL_SPREAD[f]).as("neutral spread " + MoodFeatures.name(f))
                    .isCloseTo(result.neutralSpread()[f], within(tolerance(f)));
        }
    }

    @Test
    void bothSourcesAgreeOnTheDirections() {
        double[][] labelled = result.labelledMean();
        double[][] deezer = result.deezer().regionMeans();
        int v = MoodFeatures.VALENCE;
        int e = MoodFeatures.ENERGY;
        assertThat(labelled[Mood.HAPPY.ordinal()][v]).isGreaterThan(labelled[Mood.SAD.ordinal()][v]);
        assertThat(deezer[Mood.HAPPY.ordinal()][v]).isGreaterThan(deezer[Mood.SAD.ordinal()][v]);
        assertThat(labelled[Mood.ENERGETIC.ordinal()][e]).isGreaterThan(labelled[Mood.CALM.ordinal()][e]);
        assertThat(deezer[Mood.ENERGETIC.ordinal()][e]).isGreaterThan(deezer[Mood.CALM.ordinal()][e]);
    }

    /** Half a unit in the last printed digit, plus a little float slack. */
    private static double tolerance(int f) {
        return f >= MoodFeatures.TEMPO ? 0.006 : 0.00006;
    }
}
