package dev.mixtape.storage.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.Ids;
import dev.mixtape.core.TextNormalizer;
import dev.mixtape.core.Track;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifyTracksCsvReaderTest {
    private static final String HEADER = "track_id,artists,album_name,track_name,popularity,duration_ms,explicit,"
            + "danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,"
            + "tempo,time_signature,track_genre";
    private static final String ROW_1 = "5SuOikwiRyPMVoIQDJUgSV,Gen Hoshino,Comedy,Comedy,73,230666,False,0.676,0.461,1,"
            + "-6.746,0,0.143,0.0322,1.01e-06,0.358,0.715,87.917,4,acoustic";
    private static final String ROW_2 = "4qPNDBW1i3p13qLCt0Ki3A,Ben Woodward,Ghost (Acoustic),Ghost - Acoustic,55,149610,"
            + "False,0.42,0.166,1,-17.235,1,0.0763,0.924,5.56e-06,0.101,0.267,77.489,4,acoustic";
    private static final String ROW_3 = "1iJBSr7s7jYXzM8EGcbK5b,Ingrid Michaelson;ZAYN,To Begin Again,To Begin Again,57,210826,"
            + "True,0.438,0.359,0,-9.734,1,0.0557,0.21,0,0.117,0.12,76.332,4,acoustic";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path writeGzip(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    private static ParsedCatalog read(Path p) throws IOException {
        return new SpotifyTracksCsvReader().read(p, ProgressListener.NONE);
    }

    private static Map<String, Track> byId(ParsedCatalog c) {
        return c.tracks().stream().collect(Collectors.toMap(Track::id, Function.identity()));
    }

    @Test
    void readsEveryField() throws IOException {
        ParsedCatalog c = read(write("d.csv", HEADER + "\n" + ROW_1 + "\n" + ROW_2 + "\n" + ROW_3 + "\n"));
        assertThat(c.rows()).isEqualTo(3);
        assertThat(c.mergedDuplicates()).isZero();
        assertThat(c.problems()).isEmpty();
        assertThat(c.tracks()).extracting(Track::id)
                .containsExactly("5SuOikwiRyPMVoIQDJUgSV", "4qPNDBW1i3p13qLCt0Ki3A", "1iJBSr7s7jYXzM8EGcbK5b");
        Track t = c.tracks().get(0);
        assertThat(t.name()).isEqualTo("Comedy");
        assertThat(t.album().name()).isEqualTo("Comedy");
        assertThat(t.artists()).extracting(ArtistRef::name).containsExactly("Gen Hoshino");
        assertThat(t.popularity()).isEqualTo(73);
        assertThat(t.durationMs()).isEqualTo(230666);
        assertThat(t.explicit()).isFalse();
        assertThat(t.genres()).containsExactly("acoustic");
        assertThat(t.features().danceability()).isEqualTo(0.676);
        assertThat(t.features().energy()).isEqualTo(0.461);
        assertThat(t.features().key()).isEqualTo(1);
        assertThat(t.features().loudness()).isEqualTo(-6.746);
        assertThat(t.features().mode()).isZero();
        assertThat(t.features().speechiness()).isEqualTo(0.143);
        assertThat(t.features().acousticness()).isEqualTo(0.0322);
        assertThat(t.features().instrumentalness()).isEqualTo(1.01e-06);
        assertThat(t.features().liveness()).isEqualTo(0.358);
        assertThat(t.features().valence()).isEqualTo(0.715);
        assertThat(t.features().tempo()).isEqualTo(87.917);
        assertThat(t.features().timeSignature()).isEqualTo(4);
        assertThat(c.tracks().get(2).explicit()).isTrue();
    }

    @Test
    void upstreamFormatWithLeadingUnnamedIndexColumn() throws IOException {
        String upstream = "," + HEADER + "\n0," + ROW_1 + "\n1," + ROW_2 + "\n2," + ROW_3 + "\n";
        ParsedCatalog withIndex = read(write("upstream.csv", upstream));
        ParsedCatalog plain = read(write("plain.csv", HEADER + "\n" + ROW_1 + "\n" + ROW_2 + "\n" + ROW_3 + "\n"));
        assertThat(withIndex.problems()).isEmpty();
        assertThat(withIndex.tracks()).isEqualTo(plain.tracks());
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndCase() throws IOException {
        String[] names = HEADER.split(",");
        String[] values = ROW_1.split(",");
        List<Integer> order = new ArrayList<>();
        for (int i = names.length - 1; i >= 0; i--) {
            order.add(i);
        }
        String header = order.stream().map(i -> i == 0 ? " TRACK_ID " : names[i]).collect(Collectors.joining(","));
        String row = order.stream().map(i -> values[i]).collect(Collectors.joining(","));
        ParsedCatalog reversed = read(write("rev.csv", header + ",extra\n" + row + ",whatever\n"));
        ParsedCatalog plain = read(write("plain.csv", HEADER + "\n" + ROW_1 + "\n"));
        assertThat(reversed.problems()).isEmpty();
        assertThat(reversed.tracks()).isEqualTo(plain.tracks());
    }

    @Test
    void gzippedFileReadsTheSame() throws IOException {
        String content = "," + HEADER + "\n0," + ROW_1 + "\n1," + ROW_2 + "\n2," + ROW_3 + "\n";
        ParsedCatalog gz = read(writeGzip("d.csv.gz", content));
        ParsedCatalog plain = read(write("d.csv", content));
        assertThat(gz.tracks()).hasSize(3).isEqualTo(plain.tracks());
        // detected by content, not by name
        assertThat(read(writeGzip("misnamed.csv", content)).tracks()).isEqualTo(plain.tracks());
    }

    @Test
    void reportsProgressUpToTheFileSize() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 3000; i++) {
            sb.append(ROW_1.replace("5SuOikwiRyPMVoIQDJUgSV", String.format("id%06d", i))).append('\n');
        }
        Path p = writeGzip("big.csv.gz", sb.toString());
        List<long[]> calls = new ArrayList<>();
        ParsedCatalog c = new SpotifyTracksCsvReader().read(p, (phase, done, total) -> {
            assertThat(phase).isEqualTo("read");
            calls.add(new long[] {done, total});
        });
        assertThat(c.tracks()).hasSize(3000);
        assertThat(calls).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThanOrEqualTo(calls.get(i - 1)[0]);
        }
        long[] last = calls.get(calls.size() - 1);
        assertThat(last[1]).isEqualTo(Files.size(p));
        assertThat(last[0]).isEqualTo(last[1]);
    }

    @Test
    void missingColumnsAreNamed() throws IOException {
        String header = HEADER.replace(",energy", "").replace(",tempo", "");
        assertThatThrownBy(() -> read(write("d.csv", header + "\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("[energy, tempo]");
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        assertThatThrownBy(() -> read(write("empty.csv", "")))
                .isInstanceOf(IOException.class).hasMessageContaining("empty");
    }

    @Test
    void headerWithByteOrderMarkIsRead() throws IOException {
        ParsedCatalog c = read(write("bom.csv", "\uFEFF" + HEADER + "\n" + ROW_1 + "\n"));
        assertThat(c.problems()).isEmpty();
        assertThat(c.tracks()).extracting(Track::id).containsExactly("5SuOikwiRyPMVoIQDJUgSV");
    }

    @Test
    void invalidRowsAreSkippedWithLineNumberAndReason() throws IOException {
        String content = HEADER + "\n"                                                 // line 1
                + ROW_1.replace("Comedy,Comedy", "Comedy,\"Two\nLines\"") + "\n"      // lines 2-3
                + ROW_2.replace("Ben Woodward", "") + "\n"                            // 4: empty artists
                + ROW_2.replace("Ben Woodward", " ; ") + "\n"                         // 5: only separators
                + ROW_2.replace(",0.166,", ",1.5,") + "\n"                            // 6: energy out of range
                + ROW_2.replace(",77.489,", ",fast,") + "\n"                          // 7: tempo not a number
                + ROW_2.replace(",False,", ",maybe,") + "\n"                          // 8: explicit
                + ROW_2.replace("4qPNDBW1i3p13qLCt0Ki3A", "bad id!") + "\n"           // 9: track id
                + ROW_2.replace(",1,-17.235,", ",1.5,-17.235,") + "\n"                // 10: key not an integer
                + "onlyAnId,x\n"                                                      // 11: too few fields
                + ROW_3 + "\n";                                                       // 12: fine
        ParsedCatalog c = read(write("bad.csv", content));
        assertThat(c.rows()).isEqualTo(10);
        assertThat(c.tracks()).extracting(Track::id).containsExactly("5SuOikwiRyPMVoIQDJUgSV", "1iJBSr7s7jYXzM8EGcbK5b");
        assertThat(c.tracks().get(0).name()).isEqualTo("Two\nLines");
        List<RowProblem> p = c.problems();
        assertThat(p).extracting(RowProblem::line).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(p.get(0).reason()).contains("artists");
        assertThat(p.get(1).reason()).contains("artists");
        assertThat(p.get(2).reason()).contains("energy").contains("1.5");
        assertThat(p.get(3).reason()).contains("tempo").contains("fast");
        assertThat(p.get(4).reason()).contains("explicit").contains("maybe");
        assertThat(p.get(5).reason()).contains("track id").contains("bad id!");
        assertThat(p.get(6).reason()).contains("key").contains("1.5");
        assertThat(p.get(7).reason()).contains("fields");
        assertThat(p.get(2).toString()).startsWith("line 6: ");
    }

    @Test
    void duplicateTrackIdsAcrossGenresAreMerged() throws IOException {
        String content = HEADER + "\n"
                + ROW_1 + "\n"
                + ROW_2 + "\n"
                + ROW_1.replace(",73,", ",80,").replace(",acoustic", ",J-Pop") + "\n"
                + ROW_1.replace(",73,", ",12,").replace(",acoustic", ",anime") + "\n";
        ParsedCatalog c = read(write("dup.csv", content));
        assertThat(c.rows()).isEqualTo(4);
        assertThat(c.mergedDuplicates()).isEqualTo(2);
        assertThat(c.tracks()).extracting(Track::id).containsExactly("5SuOikwiRyPMVoIQDJUgSV", "4qPNDBW1i3p13qLCt0Ki3A");
        Track t = byId(c).get("5SuOikwiRyPMVoIQDJUgSV");
        assertThat(t.genres()).containsExactlyInAnyOrder("acoustic", "j-pop", "anime");
        assertThat(t.popularity()).isEqualTo(80);
    }

    @Test
    void artistsAreSplitOnSemicolonWithStableIds() throws IOException {
        String content = HEADER + "\n"
                + ROW_3 + "\n"
                + ROW_2.replace("Ben Woodward", " ingrid michaelson ").replace("4qPNDBW1i3p13qLCt0Ki3A", "otherTrack") + "\n";
        ParsedCatalog c = read(write("a.csv", content));
        Track t = byId(c).get("1iJBSr7s7jYXzM8EGcbK5b");
        assertThat(t.artists()).extracting(ArtistRef::name).containsExactly("Ingrid Michaelson", "ZAYN");
        String ingrid = Ids.derive("artist", "ingrid michaelson");
        assertThat(t.artists()).extracting(ArtistRef::id).containsExactly(ingrid, Ids.derive("artist", "zayn"));
        // the same artist spelled differently gets the same id
        Track other = byId(c).get("otherTrack");
        assertThat(other.artists()).extracting(ArtistRef::id).containsExactly(ingrid);
        assertThat(other.artists()).extracting(ArtistRef::name).containsExactly("ingrid michaelson");
        // album id: folded album name + primary artist id
        assertThat(t.album().id()).isEqualTo(Ids.derive("album", TextNormalizer.fold("To Begin Again") + "|" + ingrid));
        // ids do not depend on the reader instance or the order of rows
        ParsedCatalog again = read(write("b.csv", HEADER + "\n" + ROW_2 + "\n" + ROW_3 + "\n"));
        assertThat(byId(again).get("1iJBSr7s7jYXzM8EGcbK5b")).isEqualTo(t);
    }
}
