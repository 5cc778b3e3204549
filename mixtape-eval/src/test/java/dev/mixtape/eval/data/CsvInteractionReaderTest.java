package dev.mixtape.eval.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInteractionReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsWithHeaderQuotesAndWithoutTimestamps() throws IOException {
        Path f = DataFiles.write(dir.resolve("plays.csv"), UTF_8,
                "user,item,weight",
                "alice,\"Sigur Rós, live\",3",
                "bob,x,1.5",
                "alice,x,0",
                "bob,\"open,2");  // line 5: unbalanced quote
        InteractionData d = new CsvInteractionReader().read(f);
        assertThat(d.name()).isEqualTo("plays");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.items().ids()).containsExactly("Sigur Rós, live", "x");
        assertThat(d.weight()).containsExactly(3f, 1.5f, 0f);
        assertThat(d.positiveRows()).isEqualTo(2);
        assertThat(d.hasTimestamps()).isFalse();
        assertThat(d.problems().lines()).singleElement()
                .satisfies(m -> assertThat(m.line()).isEqualTo(5))
                .satisfies(m -> assertThat(m.reason()).contains("quote"));
    }

    @Test
    void guessesTabsReadsGzipAndTimestamps() throws IOException {
        Path f = DataFiles.write(dir.resolve("events.tsv.gz"), UTF_8,
                "u1\ti1\t1\t1000",
                "u1\ti2\t1\t2020-01-02T03:04:05Z",
                "u2\ti1\t2\t2020-01-02",
                "u2\ti2\t1",                  // line 4: timestamp missing
                "u2\ti3\t1\tyesterday",       // line 5: bad timestamp
                "u2\ti3\tNaN\t5");            // line 6: weight not finite
        InteractionData d = new CsvInteractionReader().read(f, "events");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.hasTimestamps()).isTrue();
        assertThat(d.time()).containsExactly(1000L, Instant.parse("2020-01-02T03:04:05Z").toEpochMilli(),
                Instant.parse("2020-01-02T00:00:00Z").toEpochMilli());
        assertThat(d.problems().lines()).extracting(MalformedLine::line).containsExactly(4L, 5L, 6L);
        assertThat(d.problems().lines().get(0).reason()).contains("missing timestamp");
    }

    @Test
    void explicitDelimiterAndNoHeader() throws IOException {
        Path f = DataFiles.write(dir.resolve("x.txt"), UTF_8, "a;b;2", "a;c", "c;b;1;");
        InteractionData d = new CsvInteractionReader(';').read(f, "x");
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.hasTimestamps()).isFalse(); // first row has no fourth field
        assertThat(d.problems().lines()).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(2);
            assertThat(m.reason()).contains("found 2 field(s)");
        });
    }

    @Test
    void fileWithoutValidRowsIsUnusable() throws IOException {
        Path f = DataFiles.write(dir.resolve("bad.csv"), UTF_8, "user,item,weight", "a,b,c", "a");
        assertThatThrownBy(() -> new CsvInteractionReader().read(f))
                .isInstanceOf(UnusableFileException.class).hasMessageContaining("no valid");
        assertThatThrownBy(() -> new CsvInteractionReader('"'))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
