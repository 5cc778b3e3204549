package dev.mixtape.app.server;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compact snake_case track documents for the listener API (the Spotify-shaped ones live in {@link SpotifyJson}). */
final class TrackMaps {
    private TrackMaps() {}

    static Map<String, Object> summary(Catalog c, int t) {
        Map<String, Object> m = new LinkedHashMap<>();
        String id = c.trackId(t);
        m.put("id", id);
        m.put("name", c.trackName(t));
        List<Map<String, Object>> artists = new ArrayList<>();
        for (int a : c.trackArtists(t)) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("id", c.artistId(a));
            am.put("name", c.artistName(a));
            artists.add(am);
        }
        m.put("artists", artists);
        Map<String, Object> album = new LinkedHashMap<>();
        album.put("id", c.albumId(c.trackAlbum(t)));
        album.put("name", c.albumName(c.trackAlbum(t)));
        m.put("album", album);
        List<String> genres = new ArrayList<>();
        for (int g : c.trackGenres(t)) {
            genres.add(c.genreName(g));
        }
        m.put("genres", genres);
        m.put("popularity", c.popularity(t));
        m.put("duration_ms", c.durationMs(t));
        m.put("explicit", c.explicit(t));
        m.put("uri", "spotify:track:" + id);
        m.put("external_url", "https://open.spotify.com/track/" + id);
        return m;
    }

    /** The track's audio features as Spotify names them. */
    static Map<String, Object> audioFeatures(Catalog c, int t) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Attribute a : Attribute.values()) {
            if (a == Attribute.POPULARITY || a == Attribute.DURATION_MS) {
                continue;
            }
            float v = c.value(a, t);
            m.put(a.wireName(), a.isInteger() ? (Object) (int) v : (Object) v);
        }
        return m;
    }
}
