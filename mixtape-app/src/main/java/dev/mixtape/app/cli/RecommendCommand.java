package dev.mixtape.app.cli;

import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.algo.content.SeedResult;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.QueryParams;
import dev.mixtape.app.server.RecommendationParams;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import dev.mixtape.storage.snapshot.SnapshotCatalogLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Print recommendations from the imported catalog, taking the parameters of GET /v1/recommendations.",
            "Example: mixtape recommend seed_genres=acoustic target_energy=0.3 limit=10"})
final class RecommendCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME=VALUE", arity = "1..*",
            description = "Parameters as in /v1/recommendations: seed_tracks, seed_artists, seed_genres, limit, min_X, max_X, target_X.")
    List<String> params;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new dev.mixtape.core.InvalidRequestException("expected NAME=VALUE, got '" + p + "'");
            }
            map.computeIfAbsent(p.substring(0, eq), k -> new ArrayList<>()).add(p.substring(eq + 1));
        }
        MixtapeConfig cfg = options.load(Map.of());
        SeedQuery q = RecommendationParams.parse(new QueryParams(map), cfg.maxPerArtist());
        Catalog catalog;
        try (Database db = Catalogs.open(cfg)) {
            catalog = new SnapshotCatalogLoader(new JdbcCatalogStore(db.dataSource()), cfg.home().resolve("catalog")).load();
        }
        if (catalog.size() == 0) {
            throw new dev.mixtape.core.MixtapeException("the catalog is empty: run 'mixtape import spotify-tracks FILE' first");
        }
        SeedResult r = Engine.of(catalog).recommender().recommend(q);
        for (SeedResult.SeedReport s : r.seeds()) {
            System.out.printf("seed %s %s: pool %,d, after filtering %,d%n", s.type(), s.id(), s.initialPoolSize(),
                    s.afterFilteringSize());
        }
        System.out.printf("%-3s %-6s %-22s %-40s %-28s %6s %6s %6s%n", "#", "score", "id", "track", "artist", "energy",
                "valence", "tempo");
        for (int i = 0; i < r.tracks().length; i++) {
            int t = r.tracks()[i];
            System.out.printf("%-3d %-6.3f %-22s %-40.40s %-28.28s %6.2f %6.2f %6.1f%n", i + 1, r.scores()[i],
                    catalog.trackId(t), catalog.trackName(t), catalog.artistName(catalog.trackArtists(t)[0]),
                    catalog.value(Attribute.ENERGY, t), catalog.value(Attribute.VALENCE, t),
                    catalog.value(Attribute.TEMPO, t));
        }
        return 0;
    }
}
