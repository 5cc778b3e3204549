package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.connectors.spotify.SpotifyUserTokens;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.NotFoundException;
import dev.mixtape.storage.jdbc.JdbcSpotifyLinks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps linked listeners' Spotify top lists current: a listener who gave a refresh token with their import
 * ({@code POST /api/v1/users/{id}/spotify/top} with {@code {"refresh_token": ...}}) is linked
 * ({@link JdbcSpotifyLinks}), and every {@code every} (default 6 hours) the server trades the refresh token for an access
 * token ({@link SpotifyUserTokens}) and imports the lists again ({@link SpotifyTopImport}: only new entries are added).
 *
 * <ul>
 *   <li>One background thread looks for due links every {@link #CHECK} (at most {@value #BATCH} at a time).</li>
 *   <li>Spotify refusing the refresh token ({@code invalid_grant}), or the access token's scope, stops the link:
 *       {@code next_import_at} is cleared and {@code last_error} says why, until the listener links again.</li>
 *   <li>Anything else that fails (Spotify down, 429, a timeout, the database) is retried after {@link #RETRY}; the
 *       error is kept on the link.</li>
 *   <li>Counted in {@code /metrics} as {@code mixtape_spotify_top_refresh_total{outcome=imported|refused|failed}}.</li>
 * </ul>
 * Links live in the database, so every server on it shares them; two servers may both import a due link, which the
 * import's idempotency keys make harmless. Thread-safe.
 */
public final class SpotifyTopRefresher implements AutoCloseable {
    static final Duration CHECK = Duration.ofMinutes(5);
    static final Duration RETRY = Duration.ofMinutes(30);
    static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyTopRefresher.class);

    private final Supplier<JdbcSpotifyLinks> links;
    private final SpotifyTopImport importer;
    private final SpotifyUserTokens tokens;
    private final Duration every;
    private final Clock clock;
    private final Counter imported;
    private final Counter refused;
    private final Counter failed;
    private ScheduledExecutorService timer;

    /** @param every how often a link's lists are imported again; zero turns the refresh off (links are then refused) */
    public SpotifyTopRefresher(Supplier<JdbcSpotifyLinks> links, SpotifyTopImport importer, SpotifyUserTokens tokens, Duration every,
                               Clock clock, MeterRegistry meters) {
        this.links = links;
        this.importer = importer;
        this.tokens = tokens;
        this.every = every;
        this.clock = clock;
        this.imported = Counter.builder("mixtape.spotify.top.refresh").tag("outcome", "imported").register(meters);
        this.refused = Counter.builder("mixtape.spotify.top.refresh").tag("outcome", "refused").register(meters);
        this.failed = Counter.builder("mixtape.spotify.top.refresh").tag("outcome", "failed").register(meters);
    }

    public SpotifyTopImport importer() {
        return importer;
    }

    /** Whether the server can keep links (Spotify client credentials configured, refresh on). */
    public boolean enabled() {
        return tokens != null && !every.isZero();
    }

    public Duration every() {
        return every;
    }

    /** Starts the background checks. */
    public synchronized void start() {
        if (timer == null && enabled()) {
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("spotify-top-refresh").daemon().factory());
            timer.scheduleWithFixedDelay(this::runDueQuietly, CHECK.toSeconds(), CHECK.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Links the listener after a successful import: the next import is due in {@code every}. */
    public void link(String userId, String refreshToken) {
        checkLinkable(refreshToken);
        Instant now = clock.instant();
        links.get().link(userId, refreshToken.strip(), now, now.plus(every));
    }

    /** 400 when this server keeps no links or the refresh token cannot be one. */
    public void checkLinkable(String refreshToken) {
        if (!enabled()) {
            throw new InvalidRequestException("this server does not keep Spotify links (it needs provider=spotify with client credentials, and "
                    + "spotify.top.refresh.hours above 0); import again yourself to refresh");
        }
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 2000) {
            throw new InvalidRequestException("refresh_token must be the listener's Spotify refresh token (1 to 2000 characters)");
        }
    }

    /** The listener's link, without its token: {@code {linked: false}} when there is none. */
    public ObjectNode status(String userId) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("user_id", userId);
        var l = links.get().get(userId);
        out.put("linked", l.isPresent());
        out.put("refresh_every_hours", every.toMinutes() / 60.0);
        l.ifPresent(x -> {
            out.put("linked_at", x.linkedAt().toString());
            out.put("last_import_at", x.lastImportAt() == null ? null : x.lastImportAt().toString());
            out.put("next_import_at", x.nextImportAt() == null ? null : x.nextImportAt().toString());
            out.put("state", x.nextImportAt() == null ? "stopped" : "active");
            out.put("last_error", x.lastError());
        });
        return out;
    }

    public boolean unlink(String userId) {
        return links.get().unlink(userId);
    }

    private void runDueQuietly() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("Spotify top-list refresh could not run; next check in " + CHECK.toMinutes() + " min");
        }
    }

    /** Imports every link due now (at most {@value #BATCH}); returns how many imports worked. */
    public int runDue() {
        return runDue(clock.instant());
    }

    /** Imports every link due at {@code asOf} (at most {@value #BATCH}); returns how many imports worked. */
    public int runDue(Instant asOf) {
        JdbcSpotifyLinks store = links.get();
        List<JdbcSpotifyLinks.Link> due = store.due(asOf, BATCH);
        int ok = 0;
        for (JdbcSpotifyLinks.Link l : due) {
            Instant now = clock.instant();
            try {
                SpotifyUserTokens.Refreshed t = tokens.refresh(l.refreshToken());
                importer.run(l.userId(), t.accessToken());
                store.imported(l.userId(), now, now.plus(every), null, t.refreshToken());
                imported.increment();
                ok++;
            } catch (SpotifyUserTokens.Refused | InvalidRequestException e) {
                // the refresh token, or the access token's scope, is refused: stop until the listener links again
                store.imported(l.userId(), now, null, e.getMessage(), null);
                refused.increment();
                LOG.atInfo().addKeyValue("user", l.userId()).addKeyValue("error", e.getMessage()).log("Spotify link stopped");
            } catch (NotFoundException e) {
                store.unlink(l.userId()); // the listener is gone
            } catch (RuntimeException e) {
                store.imported(l.userId(), now, now.plus(RETRY), "retrying: " + e.getMessage(), null);
                failed.increment();
                LOG.atWarn().addKeyValue("user", l.userId()).addKeyValue("error", e.getMessage())
                        .log("Spotify top-list refresh failed; retrying in " + RETRY.toMinutes() + " min");
            }
        }
        return ok;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
