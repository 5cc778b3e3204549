package dev.mixtape.bench;

import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.algo.content.SeedResult;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.QueryParams;
import dev.mixtape.app.server.RecommendationParams;
import dev.mixtape.app.server.SpotifyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /v1/recommendations} does inside the server, minus HTTP: parse the query
 * parameters ({@link RecommendationParams}), recommend, and write the Spotify JSON answer with every
 * track ({@link SpotifyJson#recommendations}, the same code the route uses).
 */
final class InProcessRequest {
    static final String BASE = "http://127.0.0.1:8080";

    private InProcessRequest() {}

    static SeedQuery parse(Map<String, List<String>> params) {
        return RecommendationParams.parse(new QueryParams(params), SeedQuery.DEFAULT_MAX_PER_ARTIST);
    }

    static byte[] handle(Engine e, Map<String, List<String>> params) {
        SeedResult r = e.recommender().recommend(parse(params));
        SpotifyJson j = new SpotifyJson(e.catalog(), BASE, e.trackJson());
        try {
            j.recommendations(r);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return j.bytes();
    }
}
