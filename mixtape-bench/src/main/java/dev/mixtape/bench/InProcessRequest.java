package dev.mixtape.bench;

import com.fasterxml.jackson.core.JsonGenerator;
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
 * parameters, recommend, and write the Spotify JSON body (seeds and every track). Mirrors
 * {@code SpotifyRoutes.recommendations}; keep the two in step.
 */
final class InProcessRequest {
    static final String BASE = "http://127.0.0.1:8080";

    private InProcessRequest() {}

    static SeedQuery parse(Map<String, List<String>> params) {
        return RecommendationParams.parse(new QueryParams(params), SeedQuery.DEFAULT_MAX_PER_ARTIST);
    }

    static byte[] handle(Engine e, Map<String, List<String>> params) {
        SeedResult r = e.recommender().recommend(parse(params));
        SpotifyJson j = new SpotifyJson(e.catalog(), BASE);
        try {
            JsonGenerator g = j.gen();
            g.writeStartObject();
            g.writeArrayFieldStart("seeds");
            for (SeedResult.SeedReport s : r.seeds()) {
                g.writeStartObject();
                g.writeNumberField("afterFilteringSize", s.afterFilteringSize());
                g.writeNumberField("afterRelinkingSize", s.afterRelinkingSize());
                switch (s.type()) {
                    case "TRACK" -> g.writeStringField("href", j.base() + "/v1/tracks/" + s.id());
                    case "ARTIST" -> g.writeStringField("href", j.base() + "/v1/artists/" + s.id());
                    default -> g.writeNullField("href");
                }
                g.writeStringField("id", s.id());
                g.writeNumberField("initialPoolSize", s.initialPoolSize());
                g.writeStringField("type", s.type());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tracks");
            for (int t : r.tracks()) {
                j.track(t);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return j.bytes();
    }
}
