package dev.mixtape.app.lastfm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.algo.cf.ArtistNeighbours;
import dev.mixtape.algo.match.MatchRule;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.TestData;
import dev.mixtape.app.config.ConfigLoader;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.core.Catalog;
import dev.mixtape.storage.importer.ProgressListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code import lastfm} on the real Last.fm HetRec 2k against the full catalog, then a server started on
 * that home: related-artists answers from the Last.fm neighbours for a covered artist. Skipped without the
 * data, unless {@code CI=true} or {@code -Dmixtape.requireData=true}.
 */
class LastFmImportIT {
    static MixtapeApp shared;
    static Catalog catalog;
    static Path home;
    static LastFmImport.Report report;

    static Path lastFmDir() {
        Path dir = TestData.dataDir().resolve("lastfm-hetrec2011-2k");
        if (!Files.isDirectory(dir)) {
            String msg = "Last.fm HetRec 2k is not at " + dir + "; set MIXTAPE_DATA_DIR";
            if (Boolean.getBoolean("mixtape.requireData") || "true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(msg);
            }
            Assumptions.assumeTrue(false, msg);
        }
        return dir;
    }

    @BeforeAll
    static void importLastFm() throws Exception {
        Path dir = lastFmDir();
        shared = FullCatalogServer.get();
        catalog = shared.engines().get().catalog();
        home = Files.createTempDirectory("mixtape-lastfm-it");
        report = new LastFmImport(LastFmImport.Options.defaults()).run(dir, catalog, home.resolve("models"), ProgressListener.NONE);
    }

    static int artist(Catalog c, String name) {
        for (int a = 0; a < c.artistCount(); a++) {
            if (c.artistName(a).equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no catalog artist " + name);
    }

    @Test
    void theMatchReportIsSane() throws Exception {
        var m = report.matches();
        assertThat(m.size()).isEqualTo(17_632);
        assertThat(report.users()).isEqualTo(1_892);
        // measured 2026-11-22: 4,08x artists (23 %) carrying 68 % of the plays
        assertThat((double) m.matched() / m.size()).isBetween(0.20, 0.30);
        assertThat(m.matchedPlays() / m.totalPlays()).isBetween(0.60, 0.75);
        assertThat(m.byRule().get(MatchRule.FOLDED)).isGreaterThan(3_500);
        assertThat(m.byRule().get(MatchRule.CANONICAL)).isBetween(20, 300);
        assertThat(m.byRule().get(MatchRule.FEATURING)).isBetween(20, 300);
        assertThat(report.usersCovered()).isGreaterThan(1_850);
        // "The Prodigy" and "Prodigy", "The Used" and "Used", ...: ambiguity is possible, and every ambiguous match is listed
        assertThat(report.sharedKeys()).isGreaterThan(10);
        for (int i : m.ambiguousByPlays()) {
            assertThat(m.match(i).candidates().length).isGreaterThan(1);
        }
        assertThat(report.modelArtists()).isBetween(1_000, m.catalogArtists());
        assertThat(report.covered()).isGreaterThan(report.modelArtists() * 9 / 10);
        int keSha = List.of(report.lastFmIds()).indexOf(idOf("Ke$ha"));
        assertThat(catalog.artistName(m.artist(keSha))).isEqualTo("Kesha");
        // the unmatched file: every unmatched artist, most plays first
        List<String> lines = Files.readAllLines(report.unmatchedFile());
        assertThat(lines).hasSize(1 + m.size() - m.matched());
        assertThat(lines.get(1)).contains("\tDepeche Mode\t");
        long previous = Long.MAX_VALUE;
        for (String line : lines.subList(1, lines.size())) {
            long plays = Long.parseLong(line.substring(line.lastIndexOf('\t') + 1));
            assertThat(plays).isLessThanOrEqualTo(previous);
            previous = plays;
        }
        assertThat(report.readMs() + report.matchMs() + report.trainMs() + report.saveMs()).isLessThan(60_000);
    }

    String idOf(String name) {
        var m = report.matches();
        for (int i = 0; i < m.size(); i++) {
            if (name.equals(m.name(i))) {
                return report.lastFmIds()[i];
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void theServerAnswersRelatedArtistsFromTheModelForACoveredArtist() throws Exception {
        // a second server on the same database with its own home (the catalog snapshot copied, the model there)
        Files.createDirectories(home.resolve("catalog"));
        try (Stream<Path> snapshots = Files.list(shared.config().home().resolve("catalog"))) {
            for (Path p : snapshots.toList()) {
                Files.copy(p, home.resolve("catalog").resolve(p.getFileName()));
            }
        }
        MixtapeConfig base = shared.config();
        MixtapeConfig cfg = new ConfigLoader(Map.of(), Map.of("port", "0", "home", home.toString(),
                "data.dir", base.dataDir().toString(), "catalog.file", base.catalogFile().toString(),
                "db.url", base.dbUrl())).load();
        try (MixtapeApp app = MixtapeApp.start(cfg)) {
            app.loadCatalog(ProgressListener.NONE);
            String status = app.modelsLoaded().get(60, TimeUnit.SECONDS);
            assertThat(status).contains("catalog artists covered").doesNotContain("changed");
            Catalog c = app.engines().get().catalog();
            ArtistNeighbours n = app.engines().get().cf().artists();
            int gaga = artist(c, "Lady Gaga");
            assertThat(n.covers(gaga)).isTrue();

            JsonNode body = related(app, c.artistId(gaga), "collaborative");
            List<String> names = new ArrayList<>();
            for (JsonNode a : body.get("artists")) {
                assertThat(a.get("type").asText()).isEqualTo("artist");
                assertThat(a.has("genres") && a.has("popularity") && a.has("id")).isTrue();
                names.add(a.get("name").asText());
            }
            assertThat(names).hasSize(20).doesNotContain("Lady Gaga").doesNotHaveDuplicates();
            // the model's neighbours in its order, less those of a scene Lady Gaga is not part of (Shakira, filed as Latin)
            dev.mixtape.algo.content.Scenes scenes = app.engines().get().related().scenes();
            int[] expected = java.util.Arrays.stream(n.neighbours(gaga, 40)).filter(a -> scenes.allowsArtist(scenes.ofArtist(gaga), a))
                    .limit(20).toArray();
            for (int k = 0; k < expected.length; k++) {
                assertThat(names.get(k)).isEqualTo(c.artistName(expected[k]));
            }
            assertThat(names).doesNotContain("Shakira");
            assertThat(names.subList(0, 10)).containsAnyOf("Britney Spears", "Rihanna", "Katy Perry", "Beyoncé");
            assertThat(n.tracks(gaga, 10, 2)).hasSize(10)
                    .allSatisfy(p -> assertThat(p.explanation()).startsWith("listeners of Lady Gaga also play "));

            // an artist the model does not cover borrows the neighbourhoods of the covered artists closest to it; one
            // without covered related artists gets the content-based list
            var cf = app.engines().get().cf();
            var content = app.engines().get().related();
            int borrowing = -1;
            int alone = -1;
            for (int a = 0; a < c.artistCount() && (borrowing < 0 || alone < 0); a++) {
                if (!n.covers(a) && c.artistTracks(a).length > 0) {
                    boolean borrows = cf.kinOrBorrowed(content).of(a, 40).length > 0;
                    borrowing = borrowing < 0 && borrows ? a : borrowing;
                    alone = alone < 0 && !borrows ? a : alone;
                }
            }
            assertThat(borrowing).isNotNegative();
            JsonNode borrowed = related(app, c.artistId(borrowing), "borrowed");
            assertThat(borrowed.get("artists").get(0).get("id").asText())
                    .isEqualTo(c.artistId(cf.kinOrBorrowed(content).of(borrowing, 40)[0]));
            if (alone >= 0) {
                JsonNode fallback = related(app, c.artistId(alone), "content");
                assertThat(fallback.get("artists").size()).isEqualTo(content.of(alone).length);
            }
        }
    }

    static JsonNode related(MixtapeApp app, String id, String source) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/v1/artists/" + id + "/related-artists")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Mixtape-Related-Source")).hasValue(source);
        return new ObjectMapper().readTree(r.body());
    }
}
