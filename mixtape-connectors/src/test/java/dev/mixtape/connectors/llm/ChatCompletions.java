package dev.mixtape.connectors.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Ids;
import dev.mixtape.core.Track;
import java.util.List;
import java.util.Set;

/** Wire-format fixtures: OpenAI chat-completions bodies, a model reply in the mood_target schema, a small catalog. */
final class ChatCompletions {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Catalog CATALOG = new CatalogBuilder()
            .add(track("Someone Like You", "Adele", "pop"))
            .add(track("Hello", "Adele", "pop"))
            .add(track("One More Time", "Daft Punk", "edm"))
            .add(track("God's Plan", "Drake", "hip-hop"))
            .add(track("So What", "Miles Davis", "jazz"))
            .add(track("Fast Car", "Tracy Chapman", "acoustic"))
            .build();

    private ChatCompletions() {}

    static Track track(String name, String artist, String genre) {
        return new Track(Ids.derive("track", name), name, List.of(new ArtistRef(artistId(artist), artist)),
                new AlbumRef(Ids.derive("album", name), name), 200_000, false, 50, Set.of(genre),
                new AudioFeatures(0.5, 0.5, 0.5, 0.1, 0.1, 0.05, 0.5, 5, 1, -8, 120, 4));
    }

    static String artistId(String name) {
        return Ids.derive("artist", name);
    }

    static String trackId(String name) {
        return Ids.derive("track", name);
    }

    /** A complete, valid reply: calm acoustic jazz like Adele, no hip-hop, 20 tracks, winding down. */
    static ObjectNode reply() {
        ObjectNode r = JSON.createObjectNode();
        ObjectNode t = r.putObject("targets");
        t.put("valence", 0.35).put("energy", 0.25).putNull("danceability").put("acousticness", 0.8)
                .putNull("instrumentalness").putNull("speechiness").put("tempo", 95.0).putNull("loudness");
        r.putArray("genres").add("jazz").add("acoustic");
        r.putArray("excluded_genres").add("hip-hop");
        r.putArray("artists").add("adele").add("Zzzyx Quartet");
        r.putArray("excluded_artists").add("Drake");
        ArrayNode tracks = r.putArray("tracks");
        tracks.addObject().put("title", "Someone Like You").put("artist", "Adele");
        tracks.addObject().put("title", "Nonexistent Song").putNull("artist");
        r.put("allow_explicit", false);
        r.put("length", 20);
        r.put("arc", "wind_down");
        ArrayNode rec = r.putArray("recognised");
        rec.addObject().put("text", "calm").put("kind", "mood").put("effect", "lower energy");
        rec.addObject().put("text", "acoustic jazz").put("kind", "genre").put("effect", "genres jazz, acoustic");
        r.putArray("not_understood").add("blorp");
        r.putArray("relaxed");
        r.put("meaningless", false);
        return r;
    }

    /** A 200 chat-completions body carrying {@code content} as the assistant message. */
    static String completion(String content) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-9xYz").put("object", "chat.completion")
                .put("created", 1_731_000_000L).put("model", "test-model-2024-07-18");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", 812).put("completion_tokens", 143).put("total_tokens", 955);
        body.put("system_fingerprint", "fp_0ba0d124f1");
        return body.toString();
    }

    static String refusal(String text) {
        ObjectNode body = (ObjectNode) read(completion("x"));
        ObjectNode message = (ObjectNode) body.get("choices").get(0).get("message");
        message.putNull("content");
        message.put("refusal", text);
        return body.toString();
    }

    static String cutOff() {
        ObjectNode body = (ObjectNode) read(completion("{\"targets\": {\"valence\": 0.3"));
        ((ObjectNode) body.get("choices").get(0)).put("finish_reason", "length");
        return body.toString();
    }

    static String error(String message, String type, String code) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode e = body.putObject("error").put("message", message).put("type", type).putNull("param");
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return body.toString();
    }

    static com.fasterxml.jackson.databind.JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
