package dev.mixtape.app.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.algo.content.RelatedArtists;
import dev.mixtape.app.server.CollaborativeModels;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import dev.mixtape.storage.importer.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ArtistModelLoader} against matching and other catalogs, and {@link CollaborativeModels}' related artists. */
class ArtistModelLoaderTest {
    @TempDir
    Path tmp;

    Path models() throws Exception {
        new LastFmImport(new LastFmImport.Options(100, 0, 2)).run(LastFmFixture.write(tmp.resolve("lastfm")),
                LastFmFixture.catalog(), tmp.resolve("models"), ProgressListener.NONE);
        return tmp.resolve("models");
    }

    static Catalog plus(Catalog base, String artist) {
        CatalogBuilder b = new CatalogBuilder();
        for (int t = 0; t < base.size(); t++) {
            b.add(base.track(t));
        }
        b.add(new Track("extra", "Extra", List.of(new ArtistRef("x" + Math.abs(artist.hashCode()), artist)),
                new AlbumRef("alx", "X"), 200_000, false, 5, Set.of("pop"), base.features(0)));
        return b.build();
    }

    @Test
    void nothingSaved() {
        ArtistModelLoader.Result r = ArtistModelLoader.load(tmp.resolve("models"), LastFmFixture.catalog());
        assertThat(r.neighbours()).isNull();
        assertThat(r.status()).contains("no artist model").contains("mixtape import lastfm");
    }

    @Test
    void theSameCatalogLoadsQuietlyAGrownOneWithANote() throws Exception {
        Path dir = models();
        ArtistModelLoader.Result same = ArtistModelLoader.load(dir, LastFmFixture.catalog());
        assertThat(same.neighbours().coveredArtists()).isEqualTo(5);
        assertThat(same.status()).contains("5 catalog artists covered").doesNotContain("changed");
        ArtistModelLoader.Result grown = ArtistModelLoader.load(dir, plus(LastFmFixture.catalog(), "Newcomer"));
        assertThat(grown.neighbours()).isNotNull();
        assertThat(grown.status()).contains("the catalog changed since the import");
    }

    @Test
    void aModelForAnotherCatalogOrADamagedOneIsNotUsed() throws Exception {
        Path dir = models();
        Catalog other = new CatalogBuilder().add(plus(LastFmFixture.catalog(), "X").track(0)).build();
        ArtistModelLoader.Result r = ArtistModelLoader.load(dir, other);
        assertThat(r.neighbours()).isNull();
        assertThat(r.status()).contains("are not in the catalog").contains("4 of its 5");
        Files.write(dir.resolve("lastfm-artists.cfmodel"), new byte[] {1, 2, 3});
        r = ArtistModelLoader.load(dir, LastFmFixture.catalog());
        assertThat(r.neighbours()).isNull();
        assertThat(r.status()).contains("lastfm-artists.cfmodel").contains("does not match its manifest");
    }

    @Test
    void relatedArtistsStartWithCollaborativeNeighboursAndFallBack() throws Exception {
        Catalog catalog = LastFmFixture.catalog();
        RelatedArtists content = new RelatedArtists(new FeatureSpace(catalog), new GenreSets(catalog));
        CollaborativeModels cf = new CollaborativeModels(catalog);
        int killers = LastFmFixture.artist(catalog, "The Killers");
        int beyonce = LastFmFixture.artist(catalog, "Beyoncé");
        assertThat(cf.related(killers, content).collaborative()).isFalse();
        assertThat(cf.related(killers, content).artists()).containsExactly(content.of(killers));
        assertThat(cf.version()).isEqualTo("-");
        ArtistModelLoader.Result loaded = ArtistModelLoader.load(models(), catalog);
        cf.artists(loaded.neighbours(), loaded.status());
        // the artist model names itself in cache keys, and another one (here: another training time) another way
        String first = cf.version();
        assertThat(first).startsWith("a");
        cf.artists(loaded.neighbours(), loaded.status() + " (retrained)");
        assertThat(cf.version()).isNotEqualTo(first);
        assertThat(cf.kin(killers, 3)).startsWith(LastFmFixture.artist(catalog, "Kings of Leon"));
        CollaborativeModels.Related r = cf.related(killers, content);
        assertThat(r.collaborative()).isTrue();
        assertThat(r.artists()[0]).isEqualTo(LastFmFixture.artist(catalog, "Kings of Leon"));
        // topped up with the content-based ones, without repeats
        assertThat(r.artists()).doesNotHaveDuplicates().hasSize(Math.min(20, 1 + (int) java.util.Arrays.stream(content.of(killers))
                .filter(a -> a != r.artists()[0]).count()));
        // Beyoncé is not covered: she borrows the neighbourhoods of the covered artists closest to her
        assertThat(cf.covers(beyonce)).isFalse();
        int[] borrowed = cf.kinOrBorrowed(content).of(beyonce, 40);
        assertThat(borrowed).isNotEmpty();
        CollaborativeModels.Related b = cf.related(beyonce, content);
        assertThat(b.source()).isEqualTo("borrowed");
        assertThat(b.artists()[0]).isEqualTo(borrowed[0]);
        assertThat(b.artists()).doesNotContain(beyonce).doesNotHaveDuplicates();
        assertThatThrownBy(() -> cf.artists(ArtistModelLoader.load(models(), LastFmFixture.catalog()).neighbours(), "x"))
                .hasMessageContaining("another catalog");
    }
}
