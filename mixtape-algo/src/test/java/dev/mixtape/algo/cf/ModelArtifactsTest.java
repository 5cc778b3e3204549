package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every model survives a save and a load with the same config and the same scores; damaged files fail. */
class ModelArtifactsTest {

    @TempDir
    Path dir;

    private static List<PersistentModel> models(InteractionMatrix m) {
        return List.of(
                new MostPopularTrainer(MostPopularConfig.defaults().withWeighted(true)).train(m),
                new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbours(7).withShrink(3).withBinarise(false)).train(m),
                new Rp3betaTrainer(Rp3betaConfig.defaults().withAlpha(0.8).withBeta(0.3)).train(m),
                new EaseTrainer(EaseConfig.defaults().withLambda(12).withMinUsers(2).withMaxItems(60)).train(m),
                new EaseTrainer(EaseConfig.defaults().withLambda(12)).train(m),
                new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(5).withIterations(2)
                        .withConfidence(ImplicitAlsConfig.Confidence.LOG).withSeed(99)).train(m));
    }

    @Test
    void everyModelRoundTripsWithItsConfigAndScores() throws IOException {
        long seed = RandomData.seed("ModelArtifactsTest.roundTrip");
        InteractionMatrix m = RandomData.matrix(new Random(seed), 40, 90, 0.08);
        int n = 0;
        for (PersistentModel model : models(m)) {
            String name = "model-" + n++;
            Path file = ModelArtifacts.save(dir, name, model);
            assertThat(file).hasFileName(name + ".cfmodel");
            PersistentModel back = ModelArtifacts.load(dir, name, model.getClass());
            assertThat(back).isInstanceOf(model.getClass());
            assertThat(config(back)).isEqualTo(config(model));
            float[] a = new float[m.items()];
            float[] b = new float[m.items()];
            for (int u = 0; u < m.users(); u++) {
                model.score(u, a);
                back.score(u, b);
                assertThat(b).as(name + " user " + u + " seed=" + seed).containsExactly(a);
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(f -> f.endsWith(".cfmodel"));
        }
    }

    private static Object config(PersistentModel m) {
        return switch (m) {
            case MostPopularModel p -> p.config();
            case ItemKnnModel p -> p.config();
            case Rp3betaModel p -> p.config();
            case EaseModel p -> p.config();
            case ImplicitAlsModel p -> p.config();
            default -> throw new AssertionError(m);
        };
    }

    @Test
    void arraysLongerThanOneReadPieceRoundTrip() throws IOException {
        int items = 2_500_000; // popularity array read in growing pieces
        InteractionMatrix m = InteractionMatrix.of(3, items, new int[] {0, 1, 2, 2}, new int[] {5, items - 1, 5, 1 << 20},
                new float[] {1, 2, 3, 4});
        MostPopularModel model = new MostPopularTrainer(MostPopularConfig.defaults().withWeighted(true)).train(m);
        ModelArtifacts.save(dir, "wide", model);
        MostPopularModel back = ModelArtifacts.load(dir, "wide", MostPopularModel.class);
        assertThat(back.items()).isEqualTo(items);
        for (int i : new int[] {0, 5, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, items - 1}) {
            assertThat(back.popularity(i)).as("item " + i).isEqualTo(model.popularity(i));
        }
        assertThat(back.popularity(5)).isEqualTo(4f);
    }

    @Test
    void wrongTypeIsNamed() throws IOException {
        InteractionMatrix m = RandomData.matrix(new Random(1), 5, 6, 0.5);
        ModelArtifacts.save(dir, "pop", new MostPopularTrainer(MostPopularConfig.defaults()).train(m));
        assertThatThrownBy(() -> ModelArtifacts.load(dir, "pop", EaseModel.class))
                .isInstanceOf(IOException.class).hasMessageContaining("MostPopularModel").hasMessageContaining("EaseModel");
    }

    @Test
    void damagedFilesAreRefused() throws IOException {
        InteractionMatrix m = RandomData.matrix(new Random(2), 10, 12, 0.3);
        Path file = ModelArtifacts.save(dir, "knn", new ItemKnnTrainer(ItemKnnConfig.defaults()).train(m));
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertThatThrownBy(() -> ModelArtifacts.read(new ByteArrayInputStream(flipped))).isInstanceOf(IOException.class);

        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
        assertThatThrownBy(() -> ModelArtifacts.read(new ByteArrayInputStream(truncated))).isInstanceOf(IOException.class);

        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> ModelArtifacts.read(new ByteArrayInputStream(longer))).hasMessageContaining("trailing");

        byte[] alien = good.clone();
        alien[0] = 'X';
        assertThatThrownBy(() -> ModelArtifacts.read(new ByteArrayInputStream(alien))).hasMessageContaining("unknown magic");

        // a length field damaged to about 2^30 floats: fails at the end of the data, no 4 GB allocation
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MostPopularModel.MAGIC);
        out.writeInt(MostPopularModel.VERSION);
        out.writeBoolean(false);
        out.writeInt(1 << 30);
        out.write(new byte[5000]);
        out.flush();
        assertThatThrownBy(() -> ModelArtifacts.read(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(java.io.EOFException.class);

        Files.write(file, flipped);
        assertThatThrownBy(() -> ModelArtifacts.load(dir, "knn")).hasMessageContaining("knn.cfmodel");
    }

    @Test
    void newerFormatVersionIsRefusedWithBothVersions() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(EaseModel.MAGIC);
        out.writeInt(EaseModel.VERSION + 1);
        out.flush();
        assertThatThrownBy(() -> ModelArtifacts.read(new ByteArrayInputStream(bytes.toByteArray())))
                .hasMessageContaining("version " + (EaseModel.VERSION + 1))
                .hasMessageContaining("reads version " + EaseModel.VERSION);
    }

    @Test
    void namesThatCouldEscapeTheDirectoryAreRefused() {
        for (String bad : new String[] {"", "../x", "a/b", ".hidden", "sp ace", "x".repeat(200)}) {
            assertThatThrownBy(() -> ModelArtifacts.path(dir, bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("model name");
        }
        assertThat(ModelArtifacts.path(dir, "ials-64.v2")).hasFileName("ials-64.v2.cfmodel");
    }
}
