package dev.mixtape.app.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes Spotify Web API JSON objects (track, simplified artist, artist, album, audio features)
 * straight from the columnar {@link Catalog}, with a streaming generator: no intermediate objects.
 *
 * <p>Fields the catalog cannot know are present with honest empty values, so clients that expect
 * them parse: {@code images} and {@code available_markets} are empty, {@code preview_url} is null,
 * {@code release_date} is "0000" with precision "year" (what Spotify answers for an unknown date),
 * {@code total_tracks} counts the album's tracks in the catalog, {@code followers.total} is 0, {@code album_type} is "album".
 * Track ids are Spotify's, so {@code external_urls.spotify} links to the track; artist and album ids
 * are derived by mixtape (see docs/CATALOG.md), so theirs are empty. Not thread-safe: one per response.
 */
public final class SpotifyJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** The release date of every album: the dataset has none, and Spotify writes an unknown one so. */
    static final String UNKNOWN_RELEASE_DATE = "0000";

    private final Catalog catalog;
    private final String base;
    private final TrackJsonCache cache;
    private final ByteArrayOutputStream out;
    private final JsonGenerator g;

    /** @param base scheme, host and port the client reached us at, for {@code href}s */
    public SpotifyJson(Catalog catalog, String base) {
        this(catalog, base, null);
    }

    /** Like {@link #SpotifyJson(Catalog, String)}, copying track objects from (and into) {@code cache}. */
    public SpotifyJson(Catalog catalog, String base, TrackJsonCache cache) {
        this(catalog, base, cache, new ByteArrayOutputStream(8192));
    }

    /**
     * Writes straight into {@code target} (say, the HTTP response), so a large answer is never held
     * whole in memory; finish with {@link #finish()}, not {@link #bytes()}.
     */
    public static SpotifyJson streaming(Catalog catalog, String base, TrackJsonCache cache, java.io.OutputStream target) {
        return new SpotifyJson(catalog, base, cache, target);
    }

    private SpotifyJson(Catalog catalog, String base, TrackJsonCache cache, java.io.OutputStream target) {
        this.catalog = catalog;
        this.base = base;
        this.cache = cache;
        this.out = target instanceof ByteArrayOutputStream b ? b : null;
        try {
            this.g = FACTORY.createGenerator(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the generator (the target stream is closed too). */
    public void finish() throws IOException {
        g.close();
    }

    public JsonGenerator gen() {
        return g;
    }

    public String base() {
        return base;
    }

    /** Finishes and returns the document. */
    public byte[] bytes() {
        if (out == null) {
            throw new IllegalStateException("a streaming SpotifyJson has no bytes; call finish()");
        }
        try {
            g.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A whole {@code /v1/recommendations} answer: the seed reports, then every track. */
    public void recommendations(dev.mixtape.algo.content.SeedResult r) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("seeds");
        for (dev.mixtape.algo.content.SeedResult.SeedReport s : r.seeds()) {
            g.writeStartObject();
            g.writeNumberField("afterFilteringSize", s.afterFilteringSize());
            g.writeNumberField("afterRelinkingSize", s.afterRelinkingSize());
            switch (s.type()) {
                case "TRACK" -> g.writeStringField("href", base + "/v1/tracks/" + s.id());
                case "ARTIST" -> g.writeStringField("href", base + "/v1/artists/" + s.id());
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
            track(t);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public void track(int t) throws IOException {
        if (cache == null) {
            writeTrack(g, t);
            return;
        }
        SerializedString cached = cache.get(base, t);
        if (cached == null) {
            java.io.StringWriter w = new java.io.StringWriter(1536);
            try (JsonGenerator one = FACTORY.createGenerator(w)) {
                writeTrack(one, t);
            }
            String json = w.toString();
            if (cache.serves(base)) {
                cache.put(t, json);
            }
            cached = new SerializedString(json);
        }
        g.writeRawValue(cached);
    }

    private void writeTrack(JsonGenerator g, int t) throws IOException {
        String id = catalog.trackId(t);
        g.writeStartObject();
        album(g, catalog.trackAlbum(t));
        g.writeArrayFieldStart("artists");
        for (int a : catalog.trackArtists(t)) {
            simplifiedArtist(g, a);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("available_markets");
        g.writeEndArray();
        g.writeNumberField("disc_number", 1);
        g.writeNumberField("duration_ms", catalog.durationMs(t));
        g.writeBooleanField("explicit", catalog.explicit(t));
        g.writeObjectFieldStart("external_ids");
        g.writeEndObject();
        g.writeObjectFieldStart("external_urls");
        g.writeStringField("spotify", "https://open.spotify.com/track/" + id);
        g.writeEndObject();
        g.writeStringField("href", base + "/v1/tracks/" + id);
        g.writeStringField("id", id);
        g.writeBooleanField("is_local", false);
        g.writeBooleanField("is_playable", true);
        g.writeStringField("name", catalog.trackName(t));
        g.writeNumberField("popularity", catalog.popularity(t));
        g.writeNullField("preview_url");
        g.writeNumberField("track_number", 1);
        g.writeStringField("type", "track");
        g.writeStringField("uri", "spotify:track:" + id);
        g.writeEndObject();
    }

    private void album(JsonGenerator g, int album) throws IOException {
        String id = catalog.albumId(album);
        g.writeObjectFieldStart("album");
        g.writeStringField("album_type", "album");
        g.writeArrayFieldStart("artists");
        for (int a : catalog.albumArtists(album)) {
            simplifiedArtist(g, a);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("available_markets");
        g.writeEndArray();
        g.writeObjectFieldStart("external_urls");
        g.writeEndObject();
        g.writeStringField("href", base + "/v1/albums/" + id);
        g.writeStringField("id", id);
        g.writeArrayFieldStart("images");
        g.writeEndArray();
        g.writeStringField("name", catalog.albumName(album));
        // the dataset has no release dates: Spotify's own form of an unknown one (it answers "0000" for such albums),
        // so that clients which parse these strings get one
        g.writeStringField("release_date", UNKNOWN_RELEASE_DATE);
        g.writeStringField("release_date_precision", "year");
        g.writeNumberField("total_tracks", catalog.albumTrackCount(album));
        g.writeStringField("type", "album");
        g.writeStringField("uri", "spotify:album:" + id);
        g.writeEndObject();
    }

    public void simplifiedArtist(int a) throws IOException {
        simplifiedArtist(g, a);
    }

    private void simplifiedArtist(JsonGenerator g, int a) throws IOException {
        artistObject(g, a, false);
    }

    public void artist(int a) throws IOException {
        artistObject(g, a, true);
    }

    /** A simplified artist object, or the full one with followers, genres, images and popularity. */
    private void artistObject(JsonGenerator g, int a, boolean full) throws IOException {
        String id = catalog.artistId(a);
        g.writeStartObject();
        g.writeObjectFieldStart("external_urls");
        g.writeEndObject();
        if (full) {
            g.writeObjectFieldStart("followers");
            g.writeNullField("href");
            g.writeNumberField("total", 0);
            g.writeEndObject();
            g.writeArrayFieldStart("genres");
            for (int genre : catalog.artistGenres(a)) {
                g.writeString(catalog.genreName(genre));
            }
            g.writeEndArray();
        }
        g.writeStringField("href", base + "/v1/artists/" + id);
        g.writeStringField("id", id);
        if (full) {
            g.writeArrayFieldStart("images");
            g.writeEndArray();
        }
        g.writeStringField("name", catalog.artistName(a));
        if (full) {
            g.writeNumberField("popularity", catalog.artistPopularity(a));
        }
        g.writeStringField("type", "artist");
        g.writeStringField("uri", "spotify:artist:" + id);
        g.writeEndObject();
    }

    public void audioFeatures(int t) throws IOException {
        String id = catalog.trackId(t);
        g.writeStartObject();
        g.writeNumberField("acousticness", catalog.value(Attribute.ACOUSTICNESS, t));
        g.writeStringField("analysis_url", base + "/v1/audio-analysis/" + id);
        g.writeNumberField("danceability", catalog.value(Attribute.DANCEABILITY, t));
        g.writeNumberField("duration_ms", catalog.durationMs(t));
        g.writeNumberField("energy", catalog.value(Attribute.ENERGY, t));
        g.writeStringField("id", id);
        g.writeNumberField("instrumentalness", catalog.value(Attribute.INSTRUMENTALNESS, t));
        g.writeNumberField("key", (int) catalog.value(Attribute.KEY, t));
        g.writeNumberField("liveness", catalog.value(Attribute.LIVENESS, t));
        g.writeNumberField("loudness", catalog.value(Attribute.LOUDNESS, t));
        g.writeNumberField("mode", (int) catalog.value(Attribute.MODE, t));
        g.writeNumberField("speechiness", catalog.value(Attribute.SPEECHINESS, t));
        g.writeNumberField("tempo", catalog.value(Attribute.TEMPO, t));
        g.writeNumberField("time_signature", (int) catalog.value(Attribute.TIME_SIGNATURE, t));
        g.writeStringField("track_href", base + "/v1/tracks/" + id);
        g.writeStringField("type", "audio_features");
        g.writeStringField("uri", "spotify:track:" + id);
        g.writeNumberField("valence", catalog.value(Attribute.VALENCE, t));
        g.writeEndObject();
    }
}
