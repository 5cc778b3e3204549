package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.algo.match.TinyCatalog;
import dev.mixtape.core.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ArtistModelFiles}: round trip, and refusing a model and mapping that do not belong together. */
class ArtistModelFilesTest {
    @TempDir
    Path dir;

    static final Catalog CATALOG = ArtistNeighboursTest.CATALOG;

    static ItemKnnModel model() {
        int[] user = {0, 0, 1, 1, 2};
        int[] item = {0, 1, 0, 2, 2};
        return new ItemKnnTrainer(ItemKnnConfig.defaults()).train(
                InteractionMatrix.of(3, 3, user, item, ArtistNeighboursTest.ones(user.length)));
    }

    @Test
    void roundTrip() throws Exception {
        int[] artists = {ArtistNeighboursTest.SEED, ArtistNeighboursTest.NEAR, ArtistNeighboursTest.FAR};
        List<Path> files = ArtistModelFiles.save(dir, "m", model(), CATALOG, artists, Map.of("dataset", "test"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("m.cfmodel", "m.artists.tsv", "m.properties");
        ArtistModelFiles.Saved<ItemKnnModel> s = ArtistModelFiles.load(dir, "m").orElseThrow();
        assertThat(s.artistIds()).containsExactly(CATALOG.artistId(artists[0]), CATALOG.artistId(artists[1]),
                CATALOG.artistId(artists[2]));
        assertThat(s.catalogArtists()).isEqualTo(CATALOG.artistCount());
        assertThat(s.catalogSignature()).isEqualTo(ArtistModelFiles.catalogSignature(CATALOG));
        assertThat(s.info()).containsEntry("dataset", "test");
        assertThat(s.model().similarity(0, 1)).isEqualTo(model().similarity(0, 1));
        assertThat(Files.readAllLines(files.get(1)).get(1)).isEqualTo("0\t" + CATALOG.artistId(artists[0]) + "\tSeed");
    }

    @Test
    void nothingSavedIsEmptyAndAForeignMappingIsRefused() throws Exception {
        assertThat(ArtistModelFiles.load(dir, "m")).isEmpty();
        int[] artists = {ArtistNeighboursTest.SEED, ArtistNeighboursTest.NEAR, ArtistNeighboursTest.FAR};
        ArtistModelFiles.save(dir, "m", model(), CATALOG, artists, Map.of());
        Path mapping = ArtistModelFiles.mapping(dir, "m");
        Files.writeString(mapping, Files.readString(mapping).replace("Seed", "Sead"));
        assertThatThrownBy(() -> ArtistModelFiles.load(dir, "m")).hasMessageContaining("m.artists.tsv")
                .hasMessageContaining("does not match its manifest");
        Files.delete(ArtistModelFiles.mapping(dir, "m"));
        assertThatThrownBy(() -> ArtistModelFiles.load(dir, "m")).hasMessageContaining("is missing");
    }

    @Test
    void signatureIgnoresOrderButNotContent() {
        Catalog reordered = new TinyCatalog().track("Lonely", 50, "Nobody").track("F Big", 100, "Far")
                .track("N1 Big", 80, "Near").track("Seed Hit", 90, "Seed").build();
        assertThat(ArtistModelFiles.catalogSignature(reordered)).isEqualTo(ArtistModelFiles.catalogSignature(CATALOG));
        Catalog other = new TinyCatalog().track("Lonely", 50, "Nobody").track("F Big", 100, "Far").build();
        assertThat(ArtistModelFiles.catalogSignature(other)).isNotEqualTo(ArtistModelFiles.catalogSignature(CATALOG));
    }
}
