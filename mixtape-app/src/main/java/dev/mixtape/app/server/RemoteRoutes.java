package dev.mixtape.app.server;

import dev.mixtape.core.NotFoundException;
import dev.mixtape.storage.ratelimit.RateLimiter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/provider} (which provider serves the catalog, and what it can do) and
 * {@code POST /api/v1/users/{id}/prefetch} (warm a listener's remote data in the background; 202, at most
 * {@value RemoteService#PREFETCH_PER_MINUTE} per listener per minute, 429 with Retry-After beyond) and
 * {@code POST /api/v1/users/{id}/spotify/top} (import the listener's Spotify top tracks and artists as history,
 * {@link SpotifyTopImport}; the same limit).
 */
final class RemoteRoutes {
    static final String USER_TOKEN_HEADER = "X-Spotify-User-Token";

    private final RemoteService remote;
    private final ListenerService listeners;
    private final EngineHolder engines;

    RemoteRoutes(RemoteService remote, ListenerService listeners, EngineHolder engines) {
        this.remote = remote;
        this.listeners = listeners;
        this.engines = engines;
    }

    void register(Javalin app) {
        app.get("/api/v1/provider", this::provider);
        app.post("/api/v1/users/{id}/prefetch", this::prefetch);
        app.post("/api/v1/users/{id}/spotify/top", this::importTop);
        app.get("/api/v1/users/{id}/spotify", ctx -> {
            String userId = ctx.pathParam("id");
            listeners.userData(userId); // 404 for an unknown listener
            ctx.json(topLists().status(userId));
        });
        app.delete("/api/v1/users/{id}/spotify", ctx -> {
            String userId = ctx.pathParam("id");
            listeners.userData(userId);
            if (!topLists().unlink(userId)) {
                throw new NotFoundException("listener '" + userId + "' has no Spotify link");
            }
            ctx.status(204);
        });
    }

    private SpotifyTopRefresher topLists() {
        SpotifyTopRefresher r = remote.topLists();
        if (r == null) {
            throw new IllegalStateException("Spotify top lists are not wired on this server");
        }
        return r;
    }

    private void importTop(Context ctx) {
        String userId = ctx.pathParam("id");
        listeners.userData(userId); // 404 for an unknown listener, before the limit counts the call
        com.fasterxml.jackson.databind.JsonNode b = JsonBody.object(ctx.body(), java.util.Set.of("refresh_token"), "{\"refresh_token\": \"...\"} (or no body)");
        String refreshToken = b.hasNonNull("refresh_token") ? JsonBody.text(b, "refresh_token", "the listener's Spotify refresh token") : null;
        String accessToken = SpotifyTopImport.requireToken(ctx.header(USER_TOKEN_HEADER));
        SpotifyTopRefresher lists = topLists();
        if (refreshToken != null) {
            lists.checkLinkable(refreshToken); // before anything is imported
        }
        // the limit counts calls that reach Spotify: bad requests are answered above without using it
        RateLimiter.Decision d = remote.remoteCallAllowed("spotify-top", userId);
        if (!d.allowed()) {
            ctx.header("Retry-After", Long.toString(d.retryAfterSeconds()));
            throw new ApiException(429, "Spotify top-list imports for listener '" + userId + "' are limited to "
                    + RemoteService.PREFETCH_PER_MINUTE + " per minute; retry in " + d.retryAfterSeconds() + " s");
        }
        com.fasterxml.jackson.databind.node.ObjectNode out = lists.importer().run(userId, accessToken);
        if (refreshToken != null) {
            lists.link(userId, refreshToken);
        }
        out.set("link", lists.status(userId));
        ctx.json(out);
    }

    private void provider(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("provider", remote.config().kind());
        out.put("remote", remote.remote());
        if (remote.remote() || engines.ready()) {
            out.put("capabilities", remote.provider().capabilities().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList());
        }
        out.put("prefetching", remote.prefetching());
        ctx.json(out);
    }

    private void prefetch(Context ctx) {
        String userId = ctx.pathParam("id");
        var history = listeners.history(userId, ListenerService.HISTORY_LIMIT); // 404 for an unknown listener
        RateLimiter.Decision d = remote.prefetchAllowed(userId);
        if (!d.allowed()) {
            ctx.header("Retry-After", Long.toString(d.retryAfterSeconds()));
            throw new ApiException(429, "prefetch for listener '" + userId + "' is limited to " + RemoteService.PREFETCH_PER_MINUTE
                    + " per minute; retry in " + d.retryAfterSeconds() + " s");
        }
        String token = ctx.header(USER_TOKEN_HEADER);
        ctx.status(202).json(remote.prefetch(userId, history, token == null || token.isBlank() ? null : token.strip()));
    }
}
