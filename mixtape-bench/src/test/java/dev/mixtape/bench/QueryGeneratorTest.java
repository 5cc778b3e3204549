package dev.mixtape.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.app.server.Engine;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryGeneratorTest {
    static Catalog smallCatalog() {
        String[] genres = {"r-n-b", "j-pop", "acoustic", "black-metal", "singer-songwriter"};
        Random r = new Random(1);
        CatalogBuilder b = new CatalogBuilder();
        for (int i = 0; i < 300; i++) {
            String artist = String.format("artist%02d", i % 40);
            b.add(new Track(String.format("track%04d", i), "Song " + i, List.of(new ArtistRef(artist, "Artist " + (i % 40))),
                    new AlbumRef("album" + (i % 60), "Album " + (i % 60)), 200_000, false, r.nextInt(101),
                    Set.of(genres[i % genres.length]),
                    new AudioFeatures(r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                            r.nextDouble(), r.nextDouble(), r.nextInt(12), r.nextInt(2), -20 + 15 * r.nextDouble(),
                            70 + 100 * r.nextDouble(), 4)));
        }
        return b.build();
    }

    @Test
    void theSameSeedGivesTheSameQueriesShapedLikeRealTraffic() {
        QueryGenerator.SeedPool pool = QueryGenerator.SeedPool.of(smallCatalog());
        List<QueryGenerator.Query> a = QueryGenerator.generate(pool, 256, 7);
        assertThat(QueryGenerator.generate(pool, 256, 7)).isEqualTo(a);
        assertThat(QueryGenerator.generate(pool, 256, 8)).isNotEqualTo(a);
        boolean[] kinds = new boolean[3];
        for (QueryGenerator.Query q : a) {
            SeedQuery parsed = InProcessRequest.parse(q.asParamMap());
            int seeds = parsed.seedTracks().size() + parsed.seedArtists().size() + parsed.seedGenres().size();
            assertThat(seeds).isBetween(1, 5).isEqualTo(q.seedCount());
            assertThat(parsed.limit()).isEqualTo(100);
            assertThat(q.params().keySet().stream().filter(k -> k.startsWith("target_"))).hasSize(3);
            kinds[0] |= !parsed.seedTracks().isEmpty();
            kinds[1] |= !parsed.seedArtists().isEmpty();
            kinds[2] |= !parsed.seedGenres().isEmpty();
        }
        assertThat(kinds).containsOnly(true);
    }

    @Test
    void queryStringsAreEncodedAndCarryEveryParameter() {
        QueryGenerator.Query q = new QueryGenerator.Query(new java.util.LinkedHashMap<>(java.util.Map.of(
                "seed_genres", "r-n-b,hip hop")));
        URI u = URI.create("http://127.0.0.1" + q.pathAndQuery());
        assertThat(u.getPath()).isEqualTo("/v1/recommendations");
        assertThat(u.getRawQuery()).isEqualTo("seed_genres=r-n-b%2Chip+hop");
        assertThat(java.net.URLDecoder.decode(u.getRawQuery(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("seed_genres=r-n-b,hip hop");
    }

    @Test
    void anInProcessRequestAnswersWithSpotifyJson() throws Exception {
        Catalog c = smallCatalog();
        Engine e = Engine.of(c);
        for (QueryGenerator.Query q : QueryGenerator.generate(QueryGenerator.SeedPool.of(c), 20, 3)) {
            JsonNode body = new ObjectMapper().readTree(InProcessRequest.handle(e, q.asParamMap()));
            assertThat(body.path("seeds").size()).isEqualTo(q.seedCount());
            assertThat(body.path("tracks").size()).isPositive();
            assertThat(body.path("tracks").path(0).path("type").asText()).isEqualTo("track");
        }
    }
}
