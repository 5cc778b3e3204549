package dev.mixtape.app.server;

import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.algo.content.SeedResult;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogSearch;
import dev.mixtape.core.Ids;
import dev.mixtape.core.SearchQuery;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The Spotify Web API compatible endpoints under {@code /v1}. Handlers are thin: parse and validate
 * parameters, ask the engine, write Spotify's JSON shapes. Errors are thrown and mapped in
 * {@link ErrorMapping}.
 */
public final class SpotifyRoutes {
    static final int MAX_TRACK_IDS = 50;
    static final int MAX_FEATURE_IDS = 100;
    static final int MAX_ARTIST_IDS = 50;
    static final int TOP_TRACKS = 10;
    private static final List<String> SEARCH_TYPES =
            List.of("album", "artist", "playlist", "track", "show", "episode", "audiobook");

    private final EngineHolder engines;
    private final int maxPerArtist;

    public SpotifyRoutes(EngineHolder engines, int maxPerArtist) {
        this.engines = engines;
        this.maxPerArtist = maxPerArtist;
    }

    @FunctionalInterface
    private interface Body {
        void write(SpotifyJson json, Catalog catalog) throws IOException;
    }

    public void register(Javalin app) {
        app.get("/v1/tracks/{id}", ctx -> respond(ctx, (j, c) -> j.track(track(c, ctx.pathParam("id")))));
        app.get("/v1/tracks", ctx -> listOf(ctx, "tracks", "track", MAX_TRACK_IDS, Catalog::indexOf, SpotifyJson::track));
        app.get("/v1/audio-features/{id}", ctx -> respond(ctx, (j, c) -> j.audioFeatures(track(c, ctx.pathParam("id")))));
        app.get("/v1/audio-features", ctx -> listOf(ctx, "audio_features", "track", MAX_FEATURE_IDS, Catalog::indexOf,
                SpotifyJson::audioFeatures));
        app.get("/v1/audio-analysis/{id}", ctx -> {
            throw new ApiException(404, "audio analysis is not available from mixtape; use /v1/audio-features");
        });
        app.get("/v1/artists/{id}", ctx -> respond(ctx, (j, c) -> j.artist(artist(c, ctx.pathParam("id")))));
        app.get("/v1/artists", ctx -> listOf(ctx, "artists", "artist", MAX_ARTIST_IDS, Catalog::artistIndexOf,
                SpotifyJson::artist));
        app.get("/v1/artists/{id}/top-tracks", ctx -> respond(ctx, (j, c) -> {
            int[] tracks = c.artistTracks(artist(c, ctx.pathParam("id")));
            j.gen().writeStartObject();
            j.gen().writeArrayFieldStart("tracks");
            for (int i = 0; i < Math.min(TOP_TRACKS, tracks.length); i++) {
                j.track(tracks[i]);
            }
            j.gen().writeEndArray();
            j.gen().writeEndObject();
        }));
        app.get("/v1/artists/{id}/related-artists", ctx -> {
            Engine e = engines.get();
            CollaborativeModels.Related r = e.cf().related(artist(e.catalog(), ctx.pathParam("id")), e.related());
            int[] related = r.artists();
            ctx.header("X-Mixtape-Related-Source", r.source());
            respond(ctx, e, (j, c) -> {
                j.gen().writeStartObject();
                j.gen().writeArrayFieldStart("artists");
                for (int a : related) {
                    j.artist(a);
                }
                j.gen().writeEndArray();
                j.gen().writeEndObject();
            });
        });
        app.get("/v1/recommendations/available-genre-seeds", ctx -> respond(ctx, (j, c) -> {
            j.gen().writeStartObject();
            j.gen().writeArrayFieldStart("genres");
            for (String g : c.genreNames()) {
                j.gen().writeString(g);
            }
            j.gen().writeEndArray();
            j.gen().writeEndObject();
        }));
        app.get("/v1/recommendations", this::recommendations);
        app.get("/v1/search", this::search);
    }

    private void recommendations(Context ctx) throws IOException {
        SeedQuery q = RecommendationParams.parse(new QueryParams(ctx.queryParamMap()), maxPerArtist);
        Engine e = engines.get();
        SeedResult r = e.recommend(q);
        // Everything that can fail has run: stream the (large) answer instead of buffering it.
        ctx.contentType("application/json; charset=utf-8");
        SpotifyJson json = SpotifyJson.streaming(e.catalog(), baseUrl(ctx), e.trackJson(), ctx.outputStream());
        json.recommendations(r);
        json.finish();
    }

    private void search(Context ctx) throws IOException {
        QueryParams p = new QueryParams(ctx.queryParamMap());
        // Spotify writes its paging links (href, next, previous) with query= and accepts both spellings: so do we
        String q = p.single("q") != null ? p.single("q") : p.single("query");
        if (q == null || q.isBlank()) {
            throw new dev.mixtape.core.InvalidRequestException("q is required: the text to search for");
        }
        List<String> types = p.list("type");
        if (types.isEmpty()) {
            throw new dev.mixtape.core.InvalidRequestException("type is required: a comma-separated list of " + SEARCH_TYPES);
        }
        for (String t : types) {
            if (!SEARCH_TYPES.contains(t)) {
                throw new dev.mixtape.core.InvalidRequestException("type has an unknown value '" + t + "' (one of " + SEARCH_TYPES + ")");
            }
        }
        int limit = p.integer("limit", 20, 0, 50);
        int offset = p.integer("offset", 0, 0, 1000);
        SearchQuery query = SearchQuery.parse(q);
        Engine e = engines.get();
        respond(ctx, e, (j, c) -> {
            var g = j.gen();
            g.writeStartObject();
            for (String type : Set.copyOf(types).stream().sorted().toList()) {
                CatalogSearch.Page page = switch (type) {
                    case "track" -> c.search().tracks(query, offset, limit);
                    case "artist" -> c.search().artists(query, offset, limit);
                    default -> new CatalogSearch.Page(new int[0], 0);
                };
                g.writeObjectFieldStart(type + "s");
                String href = j.base() + "/v1/search?query=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
                        + "&type=" + type;
                g.writeStringField("href", href + "&offset=" + offset + "&limit=" + limit);
                g.writeArrayFieldStart("items");
                for (int item : page.items()) {
                    if (type.equals("track")) {
                        j.track(item);
                    } else {
                        j.artist(item);
                    }
                }
                g.writeEndArray();
                g.writeNumberField("limit", limit);
                if (limit > 0 && offset + limit < page.total() && offset + limit <= 1000) {
                    g.writeStringField("next", href + "&offset=" + (offset + limit) + "&limit=" + limit);
                } else {
                    g.writeNullField("next");
                }
                g.writeNumberField("offset", offset);
                if (offset > 0) {
                    g.writeStringField("previous", href + "&offset=" + Math.max(0, offset - limit) + "&limit=" + limit);
                } else {
                    g.writeNullField("previous");
                }
                g.writeNumberField("total", page.total());
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    @FunctionalInterface
    private interface ItemWriter {
        void write(SpotifyJson json, int index) throws IOException;
    }

    /** {@code {field: [...]}} for the ids in {@code ?ids=}, {@code null} for each unknown one. */
    private void listOf(Context ctx, String field, String kind, int max, java.util.function.ToIntBiFunction<Catalog, String> lookup,
                        ItemWriter item) throws IOException {
        List<String> ids = new QueryParams(ctx.queryParamMap()).ids("ids", kind, max, true);
        respond(ctx, (j, c) -> {
            j.gen().writeStartObject();
            j.gen().writeArrayFieldStart(field);
            for (String id : ids) {
                int index = lookup.applyAsInt(c, id);
                if (index < 0) {
                    j.gen().writeNull();
                } else {
                    item.write(j, index);
                }
            }
            j.gen().writeEndArray();
            j.gen().writeEndObject();
        });
    }

    private void respond(Context ctx, Body body) throws IOException {
        respond(ctx, engines.get(), body);
    }

    private static void respond(Context ctx, Engine e, Body body) throws IOException {
        SpotifyJson json = new SpotifyJson(e.catalog(), baseUrl(ctx), e.trackJson());
        body.write(json, e.catalog());
        ctx.contentType("application/json; charset=utf-8").result(json.bytes());
    }

    static String baseUrl(Context ctx) {
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost:" + ctx.port() : host);
    }

    private static int track(Catalog c, String id) {
        Ids.requireValid("track", id);
        int t = c.indexOf(id);
        if (t < 0) {
            throw new ApiException(404, "non existing track id: '" + id + "'");
        }
        return t;
    }

    private static int artist(Catalog c, String id) {
        Ids.requireValid("artist", id);
        int a = c.artistIndexOf(id);
        if (a < 0) {
            throw new ApiException(404, "non existing artist id: '" + id + "'");
        }
        return a;
    }
}
