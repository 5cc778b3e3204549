package dev.mixtape.eval.data;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastFmReaderTest {
    @TempDir
    Path dir;

    private void writeAll() throws IOException {
        DataFiles.write(dir.resolve("user_artists.dat.gz"), UTF_8,
                "userID\tartistID\tweight",
                "2\t51\t13883",
                "2\t52\t11690",
                "2\t53",                 // line 4: too few fields
                "3\t51\tlots",           // line 5: weight not a number
                "",                      // blank: skipped silently
                "3\t60\t-3",             // line 7: negative weight
                "3\t52\t7",
                "\t52\t7");              // line 9: empty user id
        DataFiles.write(dir.resolve("artists.dat"), UTF_8,
                "id\tname\turl\tpictureURL",
                "51\tDuran Duran\thttp://x\t",
                "52\tMorcheeba\thttp://y\thttp://z",
                "99\tBjörk\thttp://w\t");
        DataFiles.write(dir.resolve("tags.dat"), ISO_8859_1,
                "tagID\ttagValue",
                "1\tmetal",
                "2\ttropicália",
                "3\tpop");
        DataFiles.write(dir.resolve("user_taggedartists.dat.gz"), UTF_8,
                "userID\tartistID\ttagID\tday\tmonth\tyear",
                "2\t51\t3\t1\t4\t2009",
                "3\t51\t3\t1\t4\t2009",
                "3\t51\t2\t1\t4\t2009",
                "2\t52\t1\t1\t4\t2009",
                "2\t12345\t1\t1\t4\t2009", // artist outside the catalog: ignored
                "2\t99");                  // line 7: too few fields
    }

    @Test
    void readsInteractionsNamesAndTags() throws IOException {
        writeAll();
        LastFmDataset d = new LastFmReader().read(dir);
        InteractionData x = d.interactions();
        assertThat(x.name()).isEqualTo("lastfm-2k");
        assertThat(x.size()).isEqualTo(3);
        assertThat(x.users().ids()).containsExactly("2", "3");
        assertThat(x.items().ids()).containsExactly("51", "52", "99"); // 99 only in artists.dat, appended
        assertThat(x.user()).containsExactly(0, 0, 1);
        assertThat(x.item()).containsExactly(0, 1, 1);
        assertThat(x.weight()).containsExactly(13883f, 11690f, 7f);
        assertThat(x.hasTimestamps()).isFalse();
        assertThat(d.artistNames()).containsExactly("Duran Duran", "Morcheeba", "Björk");
        int pop = d.tagIds().index("3");
        int trop = d.tagIds().index("2");
        int metal = d.tagIds().index("1");
        assertThat(d.tagNames()[trop]).isEqualTo("tropicália");
        assertThat(d.tags().tags(0)).containsExactlyInAnyOrder(pop, trop);
        assertThat(d.tags().tags(1)).containsExactly(metal);
        assertThat(d.tags().hasTags(2)).isFalse();
    }

    @Test
    void reportsMalformedLinesWithTheirNumbers() throws IOException {
        writeAll();
        LastFmDataset d = new LastFmReader().read(dir);
        assertThat(d.problems().total()).isEqualTo(5);
        assertThat(d.problems().lines())
                .extracting(MalformedLine::file, MalformedLine::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("user_artists.dat.gz", 4L),
                        org.assertj.core.groups.Tuple.tuple("user_artists.dat.gz", 5L),
                        org.assertj.core.groups.Tuple.tuple("user_artists.dat.gz", 7L),
                        org.assertj.core.groups.Tuple.tuple("user_artists.dat.gz", 9L),
                        org.assertj.core.groups.Tuple.tuple("user_taggedartists.dat.gz", 7L));
        assertThat(d.problems().lines().get(1).reason()).contains("'lots'");
        assertThat(d.problems().lines().get(2).reason()).contains("-3");
        assertThat(d.problems().lines().get(0).toString()).startsWith("user_artists.dat.gz:4: ");
        assertThat(d.interactions().problems().total()).isEqualTo(5);
    }

    @Test
    void onlyUserArtistsIsRequired() throws IOException {
        DataFiles.write(dir.resolve("user_artists.dat"), UTF_8, "userID\tartistID\tweight", "1\t2\t3");
        LastFmDataset d = new LastFmReader().read(dir);
        assertThat(d.interactions().size()).isEqualTo(1);
        assertThat(d.tags().taggedItems()).isZero();
        assertThat(d.artistNames()).containsExactly((String) null);
    }

    @Test
    void unusableFilesThrow() throws IOException {
        assertThatThrownBy(() -> new LastFmReader().read(dir))
                .isInstanceOf(UnusableFileException.class).hasMessageContaining("user_artists.dat");
        DataFiles.write(dir.resolve("user_artists.dat"), UTF_8, "userID\tartist\tweight", "1\t2\t3");
        assertThatThrownBy(() -> new LastFmReader().read(dir))
                .isInstanceOf(UnusableFileException.class).hasMessageContaining("lacks column 'artistID'");
        DataFiles.write(dir.resolve("user_artists.dat"), UTF_8, "userID\tartistID\tweight", "1\t2\tx", "1");
        assertThatThrownBy(() -> new LastFmReader().read(dir))
                .isInstanceOf(UnusableFileException.class).hasMessageContaining("no valid row").hasMessageContaining("2 malformed");
    }
}
