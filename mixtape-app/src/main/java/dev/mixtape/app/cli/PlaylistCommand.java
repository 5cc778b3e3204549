package dev.mixtape.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mixtape.algo.playlist.Playlist;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.PlaylistRoutes;
import dev.mixtape.app.server.PlaylistService;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.PromptAnalysis;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import dev.mixtape.storage.snapshot.SnapshotCatalogLoader;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "playlist", mixinStandardHelpOptions = true,
        description = {"Make an ordered playlist from a free-text prompt, from the imported catalog, or from the remote catalog of",
            "the configured provider (provider=spotify+reccobeats etc.; docs/PROVIDERS.md).",
            "Example: mixtape playlist \"rainy sunday morning, acoustic, no rap\" -n 20"})
final class PlaylistCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROMPT", description = "What you want to hear (1–1000 characters).")
    String prompt;

    @Option(names = {"-n", "--length"}, paramLabel = "N", description = "Number of tracks, 5–200 (default: from the prompt, else 30).")
    Integer length;

    @Option(names = "--arc", paramLabel = "ARC", description = "steady, build_up, wind_down or peak (default: from the prompt, else peak).")
    String arc;

    @Option(names = "--seed", paramLabel = "N", description = "Another seed gives another playlist for the same prompt (default 0).")
    Long seed;

    @Option(names = "--user-token", paramLabel = "TOKEN",
            description = "A listener's Spotify access token: their top tracks become seeds (remote providers with users' top lists).")
    String userToken;

    @Option(names = "--json", description = "Print the same JSON document as POST /api/v1/playlists.")
    boolean json;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        MixtapeConfig cfg = options.load(Map.of());
        Catalog catalog;
        try (Database db = Catalogs.open(cfg)) {
            catalog = new SnapshotCatalogLoader(new JdbcCatalogStore(db.dataSource()), cfg.home().resolve("catalog")).load();
        }
        if (catalog.size() == 0 && cfg.providers().local()) {
            throw new dev.mixtape.core.MixtapeException("the catalog is empty: run 'mixtape import spotify-tracks FILE' first");
        }
        if (!cfg.providers().local()) {
            return remote(cfg, catalog);
        }
        Engine engine = Engine.of(catalog, 0);
        PlaylistService.Result r = PlaylistService.builtIn()
                .generate(engine, prompt, length, arc == null ? null : Arc.parse(arc), seed);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(PlaylistRoutes.toJson(catalog, r)));
        } else {
            print(catalog, r, System.out);
        }
        return 0;
    }

    /** The playlist from the provider's catalog; the local catalog (possibly empty) lends its words and seed tracks. */
    private int remote(MixtapeConfig cfg, Catalog local) throws Exception {
        dev.mixtape.connectors.http.RemoteCache cache = new dev.mixtape.connectors.http.LocalRemoteCache(100_000);
        dev.mixtape.connectors.provider.MusicProvider provider = dev.mixtape.connectors.provider.Providers.create(cfg.providers(), () -> {
            Engine e = Engine.of(local, 0);
            return new dev.mixtape.connectors.provider.LocalProvider(local, e.recommender(), e.related());
        }, cache, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        dev.mixtape.connectors.workflow.RemotePlaylists.Result rr = new dev.mixtape.connectors.workflow.RemotePlaylists(provider, local,
                new dev.mixtape.algo.playlist.prompt.BuiltInPromptInterpreter(), cache, dev.mixtape.algo.playlist.PlaylistConfig.DEFAULT, true)
                .generate(prompt, length, arc == null ? null : Arc.parse(arc), seed == null ? PlaylistService.DEFAULT_SEED : seed, userToken);
        PlaylistService.Result r = new PlaylistService.Result(rr.analysis(), rr.playlist(), rr.analysisMs());
        if (json) {
            Map<String, Object> doc = PlaylistRoutes.toJson(rr.catalog(), r);
            doc.put("remote", PlaylistRoutes.remoteJson(rr.report()));
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            print(rr.catalog(), r, System.out);
            var rep = rr.report();
            System.out.printf("from %s: %d anchors, %d candidates, %d enriched, %d pass(es); remote %.0f ms (anchors %.0f, candidates %.0f, "
                    + "enrichment %.0f)%n", rep.provider(), rep.anchors(), rep.candidates(), rep.enriched(), rep.passes(), rep.remoteMs(),
                    rep.anchorsMs(), rep.candidatesMs(), rep.enrichmentMs());
            rep.steps().forEach(st -> System.out.println("  " + st));
        }
        return 0;
    }

    static void print(Catalog c, PlaylistService.Result r, PrintStream out) {
        PromptAnalysis a = r.analysis();
        Playlist p = r.playlist();
        out.println("How the prompt was read (" + a.interpreter() + "):");
        for (PromptAnalysis.Phrase ph : a.recognised()) {
            out.printf("  %-24s %-9s %s%n", "\"" + ph.text() + "\"", ph.kind(), ph.effect());
        }
        if (a.meaningless()) {
            out.println("  nothing musical recognised: a default playlist follows");
        }
        if (!a.notUnderstood().isEmpty()) {
            out.println("  not understood: " + String.join(", ", a.notUnderstood()));
        }
        if (!a.unknown().isEmpty()) {
            out.println("  not in the catalog: " + String.join(", ", a.unknown()));
        }
        a.relaxed().forEach(x -> out.println("  relaxed: " + x));
        p.relaxed().forEach(x -> out.println("  relaxed: " + x));
        out.println();
        out.printf("%-3s %-38s %-24s %6s %6s  %-22s%n", "#", "track", "artist", "energy", "tempo", "energy arc");
        int i = 1;
        for (Playlist.Entry e : p.entries()) {
            int t = e.track();
            float energy = c.value(Attribute.ENERGY, t);
            out.printf("%-3d %-38.38s %-24.24s %6.2f %6.0f  %s%n", i++, c.trackName(t),
                    c.artistName(c.trackArtists(t)[0]), energy, c.value(Attribute.TEMPO, t),
                    "#".repeat(Math.max(1, Math.round(energy * 20))));
        }
        out.println();
        out.printf("quality %.2f (target fit %.2f, cohesion %.2f, diversity %.2f, genre fit %.2f, transitions %.2f); "
                        + "%d improvement pass(es); %.1f ms (analysis %.1f ms)%n",
                p.quality().overall(), p.quality().targetFit(), p.quality().cohesion(), p.quality().diversity(),
                p.quality().genreFit(), p.quality().transitions(), p.iterations(), r.totalMs(), r.analysisMs());
    }
}
