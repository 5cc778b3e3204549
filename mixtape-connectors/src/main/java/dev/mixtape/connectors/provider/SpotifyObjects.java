package dev.mixtape.connectors.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.Ids;
import java.util.ArrayList;
import java.util.List;

/** Reads Spotify's track and artist objects; entries without a usable id or name are skipped. */
final class SpotifyObjects {
    private SpotifyObjects() {}

    static List<RemoteTrack> tracks(JsonNode list) {
        List<RemoteTrack> out = new ArrayList<>();
        for (JsonNode n : list) {
            RemoteTrack t = track(n);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    static RemoteTrack track(JsonNode n) {
        String id = n.path("id").asText(null);
        if (!Ids.isValid(id) || n.path("name").asText("").isBlank()) {
            return null;
        }
        List<ArtistRef> artists = new ArrayList<>();
        for (JsonNode a : n.path("artists")) {
            if (Ids.isValid(a.path("id").asText(null))) {
                artists.add(new ArtistRef(a.get("id").asText(), a.path("name").asText("")));
            }
        }
        if (artists.isEmpty()) {
            return null;
        }
        JsonNode al = n.path("album");
        AlbumRef album = Ids.isValid(al.path("id").asText(null)) ? new AlbumRef(al.get("id").asText(), al.path("name").asText("")) : null;
        return new RemoteTrack(id, n.get("name").asText(), artists, album, n.path("duration_ms").asInt(0), n.path("explicit").asBoolean(false),
                clampPopularity(n.path("popularity").asInt(0)));
    }

    static List<RemoteArtist> artists(JsonNode list) {
        List<RemoteArtist> out = new ArrayList<>();
        for (JsonNode n : list) {
            RemoteArtist a = artist(n);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    static RemoteArtist artist(JsonNode n) {
        String id = n.path("id").asText(null);
        if (!Ids.isValid(id)) {
            return null;
        }
        List<String> genres = new ArrayList<>();
        n.path("genres").forEach(g -> genres.add(g.asText()));
        return new RemoteArtist(id, n.path("name").asText(""), genres, clampPopularity(n.path("popularity").asInt(0)));
    }

    static int clampPopularity(int p) {
        return Math.max(0, Math.min(100, p));
    }
}
