package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.algo.playlist.Playlist;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.MoodTarget;
import dev.mixtape.core.mood.PromptAnalysis;
import dev.mixtape.connectors.workflow.RemotePlaylists;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/playlists {prompt, length?, arc?, seed?, targets?, user_id?}}: an ordered playlist from a
 * free-text prompt, with how the prompt was read, the targets, quality scores, iterations and
 * per-phase timings. Unknown body fields are rejected by name (a typo should not be silently ignored).
 */
public final class PlaylistRoutes {
    private static final Set<String> FIELDS = Set.of("prompt", "length", "arc", "seed", "targets", "user_id");

    private final EngineHolder engines;
    private final PlaylistService service;
    private final Monitoring monitoring;
    private final RemoteService remote;

    /** @param monitoring where the workflow's phase timings go, or null */
    /** @param remote the configured provider; when it is remote, playlists are made from its catalog (null: local) */
    public PlaylistRoutes(EngineHolder engines, PlaylistService service, Monitoring monitoring, RemoteService remote) {
        this.remote = remote;
        this.engines = engines;
        this.service = service;
        this.monitoring = monitoring;
    }

    public void register(Javalin app) {
        app.post("/api/v1/playlists", this::create);
    }

    private void create(Context ctx) throws Exception {
        JsonNode body = parseBody(ctx.body());
        JsonNode promptNode = body.get("prompt");
        if (promptNode == null || promptNode.isNull()) {
            throw new InvalidRequestException("prompt is required: a string of 1 to 1000 characters");
        }
        if (!promptNode.isTextual()) {
            throw new InvalidRequestException("prompt must be a string of 1 to 1000 characters, got "
                    + promptNode.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String prompt = promptNode.asText();
        Integer length = body.hasNonNull("length") ? JsonBody.intField(body, "length") : null;
        Arc arc = body.hasNonNull("arc") ? Arc.parse(body.get("arc").asText()) : null;
        Long seed = body.hasNonNull("seed") ? JsonBody.longField(body, "seed") : null;
        Map<Attribute, Double> overrides = body.hasNonNull("targets") ? targetOverrides(body.get("targets")) : Map.of();
        Engine e = engines.get();
        if (remote != null && remote.remote()) {
            String token = ctx.header(RemoteRoutes.USER_TOKEN_HEADER);
            RemotePlaylists.Result rr = remote.playlist(service.interpreter(overrides), prompt, length, arc, seed == null ? PlaylistService.DEFAULT_SEED : seed,
                    token == null || token.isBlank() ? null : token.strip());
            PlaylistService.Result r = new PlaylistService.Result(rr.analysis(), rr.playlist(), rr.analysisMs());
            record(r, rr.report().remoteMs());
            Map<String, Object> out = toJson(rr.catalog(), r);
            out.put("remote", remoteJson(rr.report()));
            ctx.json(out);
            return;
        }
        PlaylistService.Result r = service.generate(e, prompt, length, arc, seed, overrides);
        record(r, 0);
        ctx.json(toJson(e.catalog(), r));
    }

    /** The {@code remote} part of a playlist made from a remote catalog. */
    public static Map<String, Object> remoteJson(RemotePlaylists.Report rep) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", rep.provider());
        m.put("anchors", rep.anchors());
        m.put("candidates", rep.candidates());
        m.put("enriched", rep.enriched());
        m.put("passes", rep.passes());
        m.put("steps", rep.steps());
        m.put("anchors_ms", rep.anchorsMs());
        m.put("candidates_ms", rep.candidatesMs());
        m.put("enrichment_ms", rep.enrichmentMs());
        return m;
    }

    private void record(PlaylistService.Result r, double remoteMs) {
        if (monitoring != null) {
            Playlist.Timings t = r.playlist().timings();
            monitoring.phase("playlist.analysis", r.analysisMs());
            monitoring.phase("playlist.seeds", t.seedsMs());
            monitoring.phase("playlist.generation", t.generationMs());
            monitoring.phase("playlist.quality", t.qualityMs());
            monitoring.phase("playlist.improvement", t.improvementMs());
            monitoring.phase("playlist.ordering", t.orderingMs());
            if (remoteMs > 0) {
                monitoring.phase("playlist.remote", remoteMs);
            }
            monitoring.phase("playlist.total", r.totalMs() + remoteMs);
        }
    }

    /**
     * {@code targets: {energy: 0.8, tempo: 120, …}}: values that replace what the prompt implies, for the
     * attributes a playlist aims at ({@link PlaylistService#OVERRIDABLE}).
     */
    static Map<Attribute, Double> targetOverrides(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidRequestException("targets must be an object like {\"energy\": 0.8, \"tempo\": 120}, got " + node);
        }
        Map<Attribute, Double> out = new java.util.EnumMap<>(Attribute.class);
        List<String> known = PlaylistService.OVERRIDABLE.stream().map(Attribute::wireName).sorted().toList();
        for (var it = node.fields(); it.hasNext(); ) {
            var f = it.next();
            Attribute a = Attribute.fromWireName(f.getKey());
            if (a == null || !PlaylistService.OVERRIDABLE.contains(a)) {
                throw new InvalidRequestException("unknown target 'targets." + f.getKey() + "' (known: " + String.join(", ", known) + ")");
            }
            if (!f.getValue().isNumber() || !a.accepts(f.getValue().asDouble())) {
                throw new InvalidRequestException("targets." + a.wireName() + " must be " + a.describeRange() + ", got " + f.getValue());
            }
            out.put(a, f.getValue().asDouble());
        }
        return out;
    }

    static JsonNode parseBody(String raw) {
        return JsonBody.object(raw, FIELDS, "{\"prompt\": \"...\"}");
    }

    /** The response document (snake_case). */
    public static Map<String, Object> toJson(Catalog c, PlaylistService.Result r) {
        Playlist p = r.playlist();
        PromptAnalysis a = r.analysis();
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> tracks = new ArrayList<>();
        int position = 1;
        for (Playlist.Entry en : p.entries()) {
            int t = en.track();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", position++);
            m.put("id", en.trackId());
            m.put("name", c.trackName(t));
            List<String> artists = new ArrayList<>();
            for (int ar : c.trackArtists(t)) {
                artists.add(c.artistName(ar));
            }
            m.put("artists", artists);
            List<String> genres = new ArrayList<>();
            for (int g : c.trackGenres(t)) {
                genres.add(c.genreName(g));
            }
            m.put("genres", genres);
            m.put("energy", c.value(Attribute.ENERGY, t));
            m.put("valence", c.value(Attribute.VALENCE, t));
            m.put("tempo", c.value(Attribute.TEMPO, t));
            m.put("key", (int) c.value(Attribute.KEY, t));
            m.put("mode", (int) c.value(Attribute.MODE, t));
            m.put("duration_ms", c.durationMs(t));
            m.put("source", en.source().name().toLowerCase(java.util.Locale.ROOT));
            m.put("target_fit", en.targetFit());
            m.put("explanation", en.explanation());
            m.put("spotify_url", "https://open.spotify.com/track/" + en.trackId());
            tracks.add(m);
        }
        out.put("tracks", tracks);
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("prompt", a.prompt());
        analysis.put("interpreter", a.interpreter());
        if (a.fallback() != null) {
            analysis.put("fallback", a.fallback());
        }
        List<Map<String, String>> phrases = new ArrayList<>();
        for (PromptAnalysis.Phrase ph : a.recognised()) {
            phrases.add(Map.of("text", ph.text(), "kind", ph.kind(), "effect", ph.effect()));
        }
        analysis.put("recognised", phrases);
        analysis.put("not_understood", a.notUnderstood());
        analysis.put("unknown", a.unknown());
        analysis.put("meaningless", a.meaningless());
        out.put("analysis", analysis);
        out.put("targets", targets(a.target()));
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("overall", p.quality().overall());
        quality.put("target_fit", p.quality().targetFit());
        quality.put("cohesion", p.quality().cohesion());
        quality.put("diversity", p.quality().diversity());
        quality.put("genre_fit", p.quality().genreFit());
        quality.put("transitions", p.quality().transitions());
        out.put("quality", quality);
        out.put("iterations", p.iterations());
        List<String> relaxed = new ArrayList<>(a.relaxed());
        relaxed.addAll(p.relaxed());
        out.put("relaxed", relaxed);
        out.put("notes", p.notes());
        out.put("pool_size", p.poolSize());
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("analysis_ms", r.analysisMs());
        timings.put("seeds_ms", p.timings().seedsMs());
        timings.put("generation_ms", p.timings().generationMs());
        timings.put("quality_ms", p.timings().qualityMs());
        timings.put("improvement_ms", p.timings().improvementMs());
        timings.put("ordering_ms", p.timings().orderingMs());
        timings.put("total_ms", r.totalMs());
        out.put("timings_ms", timings);
        return out;
    }

    private static Map<String, Object> targets(MoodTarget t) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> values = new java.util.TreeMap<>();
        t.targets().forEach((k, v) -> values.put(k.wireName(), v));
        m.put("values", values);
        Map<String, Object> ranges = new java.util.TreeMap<>();
        t.ranges().forEach((k, v) -> ranges.put(k.wireName(), List.of(v.min(), v.max())));
        m.put("ranges", ranges);
        m.put("genres", new java.util.TreeSet<>(t.genres()));
        m.put("excluded_genres", new java.util.TreeSet<>(t.excludedGenres()));
        m.put("artists", t.artists());
        m.put("excluded_artists", new java.util.TreeSet<>(t.excludedArtists()));
        m.put("tracks", t.tracks());
        m.put("allow_explicit", t.allowExplicit());
        m.put("length", t.length());
        m.put("arc", t.arc().name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }
}
