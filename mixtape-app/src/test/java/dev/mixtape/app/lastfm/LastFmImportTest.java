package dev.mixtape.app.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.algo.cf.ArtistNeighbours;
import dev.mixtape.algo.match.MatchRule;
import dev.mixtape.core.Catalog;
import dev.mixtape.eval.data.UnusableFileException;
import dev.mixtape.storage.importer.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LastFmImport} on a tiny folder: the match report, the files, the model and bad input. */
class LastFmImportTest {
    @TempDir
    Path tmp;

    static final LastFmImport IMPORT = new LastFmImport(new LastFmImport.Options(100, 0, 2));

    @Test
    void matchesTrainsAndWritesTheReport() throws Exception {
        Catalog catalog = LastFmFixture.catalog();
        LastFmImport.Report r = IMPORT.run(LastFmFixture.write(tmp.resolve("lastfm")), catalog, tmp.resolve("models"),
                ProgressListener.NONE);
        assertThat(r.matches().size()).isEqualTo(7);
        assertThat(r.matches().matched()).isEqualTo(5);
        assertThat(r.matches().byRule()).containsEntry(MatchRule.FOLDED, 3).containsEntry(MatchRule.CANONICAL, 1)
                .containsEntry(MatchRule.FEATURING, 1);
        assertThat(r.matches().totalPlays()).isEqualTo(2044);
        assertThat(r.matches().matchedPlays()).isEqualTo(2044 - 1010 - 3);
        assertThat(r.users()).isEqualTo(7);
        assertThat(r.usersCovered()).isEqualTo(6);
        assertThat(r.modelArtists()).isEqualTo(5);
        assertThat(r.covered()).isEqualTo(5);
        assertThat(r.files()).extracting(p -> p.getFileName().toString()).containsExactly("lastfm-artists.cfmodel",
                "lastfm-artists.artists.tsv", "lastfm-artists.properties", "lastfm-artists.matches.tsv",
                "lastfm-artists.unmatched.tsv", "lastfm-artists.listening.tsv.gz", "lastfm-artists.tags.tsv.gz");
        // the fixture has no tags.dat: the tags file is written empty, and reads back as no tagged artists
        assertThat(dev.mixtape.algo.learn.ArtistTags.read(tmp.resolve("models/" + LastFmImport.TAGS_FILE), catalog).tags().taggedArtists())
                .isZero();
        // the listening model's input: every user with a matched artist, with their matched artists
        List<int[]> listening = ImportedListening.read(tmp.resolve("models/" + LastFmImport.LISTENING_FILE), catalog).orElseThrow();
        assertThat(listening).hasSize(6);
        assertThat(listening.stream().flatMapToInt(java.util.Arrays::stream).distinct().boxed().toList())
                .contains(LastFmFixture.artist(catalog, "The Killers"), LastFmFixture.artist(catalog, "Lady Gaga"));
        List<String> unmatched = Files.readAllLines(r.unmatchedFile());
        assertThat(unmatched).containsExactly("rank\tlastfm_id\tlastfm_name\tlisteners\tplays",
                "1\t5\tDepeche Mode\t2\t1010", "2\t7\tObscure\t1\t3");
        assertThat(Files.readString(tmp.resolve("models/lastfm-artists.matches.tsv")))
                .contains("3\tKe$ha\t3\t440\tcanonical\t").contains("\tfeaturing\t");

        ArtistModelLoader.Result loaded = ArtistModelLoader.load(tmp.resolve("models"), catalog);
        ArtistNeighbours n = loaded.neighbours();
        assertThat(n).as(loaded.status()).isNotNull();
        int killers = LastFmFixture.artist(catalog, "The Killers");
        int kol = LastFmFixture.artist(catalog, "Kings of Leon");
        int gaga = LastFmFixture.artist(catalog, "Lady Gaga");
        assertThat(n.neighbours(killers, 20)).containsExactly(kol);
        assertThat(n.neighbours(gaga, 20)).containsExactlyInAnyOrder(LastFmFixture.artist(catalog, "Kesha"),
                LastFmFixture.artist(catalog, "Katy Perry"));
        assertThat(n.covers(LastFmFixture.artist(catalog, "Beyoncé"))).isFalse();
        assertThat(n.tracks(killers, 10, 2)).extracting(p -> catalog.trackName(p.track()))
                .containsExactly("Sex on Fire", "Use Somebody");
        assertThat(n.tracks(killers, 10, 2).get(0).explanation()).isEqualTo("listeners of The Killers also play Kings of Leon");
    }

    @Test
    void minListenersLeavesThinArtistsOut() throws Exception {
        Catalog catalog = LastFmFixture.catalog();
        LastFmImport.Report r = new LastFmImport(new LastFmImport.Options(100, 0, 4))
                .run(LastFmFixture.write(tmp.resolve("lastfm")), catalog, tmp.resolve("models"), ProgressListener.NONE);
        assertThat(r.matches().matched()).isEqualTo(5);
        assertThat(r.modelArtists()).isZero();
    }

    @Test
    void missingFolderOrFilesAreNamed() throws Exception {
        Catalog catalog = LastFmFixture.catalog();
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> IMPORT.run(missing, catalog, tmp.resolve("models"), ProgressListener.NONE))
                .isInstanceOf(UnusableFileException.class).hasMessageContaining(missing + " is not a folder");
        Path dir = LastFmFixture.write(tmp.resolve("partial"));
        Files.delete(dir.resolve("artists.dat"));
        assertThatThrownBy(() -> IMPORT.run(dir, catalog, tmp.resolve("models"), ProgressListener.NONE))
                .hasMessageContaining("no artists.dat (or artists.dat.gz) in " + dir);
        Files.delete(dir.resolve("user_artists.dat"));
        assertThatThrownBy(() -> LastFmImport.requireFiles(dir)).hasMessageContaining("user_artists.dat");
        Files.writeString(dir.resolve("user_artists.dat"), "nonsense\n");
        Files.writeString(dir.resolve("artists.dat"), "id\tname\n1\tA\n");
        assertThatThrownBy(() -> IMPORT.run(dir, catalog, tmp.resolve("models"), ProgressListener.NONE))
                .hasMessageContaining("user_artists.dat");
        assertThat(tmp.resolve("models")).doesNotExist();
    }
}
