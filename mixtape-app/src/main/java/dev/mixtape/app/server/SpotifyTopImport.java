package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.match.ArtistNameMatcher;
import dev.mixtape.connectors.provider.MusicProvider;
import dev.mixtape.connectors.provider.RemoteArtist;
import dev.mixtape.connectors.provider.RemoteTrack;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener's Spotify top tracks and artists ({@code GET /v1/me/top/tracks} and {@code /v1/me/top/artists}, medium
 * term, 50 each, with the listener's own access token, through the configured provider) imported as history.
 *
 * <ul>
 *   <li>A top track in the catalog (by Spotify id) becomes full plays: {@value #MAX_PLAYS} for the first, one fewer
 *       every {@value #RANKS_PER_PLAY} places, at least one.</li>
 *   <li>A top artist in the catalog (by id, else by name as {@code import lastfm} matches names) becomes
 *       {@value #ARTIST_PLAYS} full plays of its most popular own track.</li>
 *   <li>Each event's idempotency key names the entry ({@code spotify-top:track:<id>:<k>}), so importing again adds only
 *       entries that are new to the top lists; what stays in them is not counted twice.</li>
 * </ul>
 * The events go through {@link ListenerService#ingest}, so they are durable before the answer and reach the listening
 * model's fold-in and the online learners like any other event. Thread-safe.
 */
public final class SpotifyTopImport {
    static final int LIMIT = 50;
    static final int MAX_PLAYS = 5;
    static final int RANKS_PER_PLAY = 10;
    static final int ARTIST_PLAYS = 2;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RemoteService remote;
    private final ListenerService listeners;
    private final EventIngest events;
    private final EngineHolder engines;
    private final Clock clock;
    private volatile Matcher matcher;

    private record Matcher(Catalog catalog, ArtistNameMatcher names) {}

    public SpotifyTopImport(RemoteService remote, ListenerService listeners, EventIngest events, EngineHolder engines, Clock clock) {
        this.events = events;
        this.remote = remote;
        this.listeners = listeners;
        this.engines = engines;
        this.clock = clock;
    }

    /** Imports the listener's top lists now; 404 for an unknown listener, 400 for a provider without top lists or a refused token. */
    public ObjectNode run(String userId, String userToken) {
        listeners.userData(userId); // 404 for an unknown listener
        requireToken(userToken);
        MusicProvider p = remote.provider();
        if (!p.can(MusicProvider.Capability.USER_TOP)) {
            throw new InvalidRequestException("provider " + p.name() + " has no users' top lists: set provider=spotify (or composite) with "
                    + "spotify.client.id and spotify.client.secret to import them");
        }
        List<RemoteTrack> tracks = p.userTopTracks(userToken.strip(), LIMIT);
        List<RemoteArtist> artists = p.userTopArtists(userToken.strip(), LIMIT);
        Catalog c = engines.get().catalog();
        Instant now = clock.instant();
        List<ObjectNode> events = new ArrayList<>();
        ArrayNode unmatchedTracks = NODES.arrayNode();
        ArrayNode unmatchedArtists = NODES.arrayNode();
        int matchedTracks = 0;
        for (int r = 0; r < tracks.size(); r++) {
            RemoteTrack t = tracks.get(r);
            int track = c.indexOf(t.id());
            if (track < 0) {
                unmatchedTracks.addObject().put("id", t.id()).put("name", t.name());
                continue;
            }
            matchedTracks++;
            int plays = Math.max(1, MAX_PLAYS - r / RANKS_PER_PLAY);
            for (int k = 0; k < plays; k++) {
                events.add(play(userId, c, track, now.minusSeconds(60L * (events.size() + 1)), "spotify-top:track:" + t.id() + ":" + k));
            }
        }
        int matchedArtists = 0;
        for (RemoteArtist a : artists) {
            int artist = artistOf(c, a);
            int track = artist < 0 ? -1 : c.ownTrack(artist, t -> true, 0);
            if (track < 0) {
                unmatchedArtists.addObject().put("id", a.id()).put("name", a.name());
                continue;
            }
            matchedArtists++;
            for (int k = 0; k < ARTIST_PLAYS; k++) {
                events.add(play(userId, c, track, now.minusSeconds(60L * (events.size() + 1)), "spotify-top:artist:" + a.id() + ":" + k));
            }
        }
        int accepted = 0;
        int duplicates = 0;
        for (int from = 0; from < events.size(); from += EventIngest.MAX_BATCH) {
            ObjectNode body = NODES.objectNode();
            body.putArray("events").addAll(events.subList(from, Math.min(events.size(), from + EventIngest.MAX_BATCH)));
            EventIngest.BatchResult b = this.events.ingest(body);
            accepted += b.accepted();
            duplicates += b.duplicates();
        }
        ObjectNode out = NODES.objectNode();
        out.put("user_id", userId);
        out.put("provider", p.name());
        out.put("imported_at", now.toString());
        ObjectNode top = out.putObject("top_tracks");
        top.put("received", tracks.size());
        top.put("in_catalog", matchedTracks);
        top.set("not_in_catalog", unmatchedTracks);
        ObjectNode ta = out.putObject("top_artists");
        ta.put("received", artists.size());
        ta.put("in_catalog", matchedArtists);
        ta.set("not_in_catalog", unmatchedArtists);
        out.put("events_accepted", accepted);
        out.put("events_already_imported", duplicates);
        return out;
    }

    /** The access token, stripped; 400 when there is none. */
    static String requireToken(String userToken) {
        if (userToken == null || userToken.isBlank()) {
            throw new InvalidRequestException("importing Spotify top lists needs the listener's Spotify access token (scope user-top-read) in the "
                    + RemoteRoutes.USER_TOKEN_HEADER + " header");
        }
        return userToken.strip();
    }

    private static ObjectNode play(String userId, Catalog c, int track, Instant at, String key) {
        return NODES.objectNode().put("user_id", userId).put("track_id", c.trackId(track)).put("type", "play")
                .put("timestamp", at.toString()).put("ms_played", Math.max(30_000, c.durationMs(track))).put("idempotency_key", key);
    }

    private int artistOf(Catalog c, RemoteArtist a) {
        int byId = c.artistIndexOf(a.id());
        if (byId >= 0) {
            return byId;
        }
        Matcher m = matcher;
        if (m == null || m.catalog() != c) {
            m = new Matcher(c, new ArtistNameMatcher(c));
            matcher = m;
        }
        ArtistNameMatcher.Match match = m.names().match(a.name());
        return match.matched() ? match.artist() : -1;
    }
}
