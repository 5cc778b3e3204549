package dev.mixtape.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.core.Catalog;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** Listening events for benchmarks: plausible listeners who play a few genres, seeded. */
final class ListenerFixture {
    /**
     * Buffers from one bounded pool shared by all threads: Jackson's default keeps them per thread, and 1,000 load-driver
     * virtual threads alive for a whole run held about 100 MB of them (seen in bench users' heap).
     */
    static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .recyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.sharedBoundedPool()).build());
    private static final String[] TYPES = {"play", "play", "play", "play", "play", "play", "skip", "like", "save", "dislike"};

    private ListenerFixture() {}

    /** {@code node} as JSON text, through {@link #JSON}'s shared buffers (a node's toString keeps buffers per thread). */
    static String text(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code count} events of {@code user} over {@code days} before {@code now}: tracks drawn from three
     * genres chosen by the seed (a listener's taste), types mostly plays.
     */
    static ObjectNode batch(Catalog catalog, String user, int count, Instant now, int days, long seed, String keyPrefix) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] genres = new int[3][];
        for (int g = 0; g < 3; g++) {
            genres[g] = catalog.genreTracks(rnd.nextInt(catalog.genreCount()));
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        for (int i = 0; i < count; i++) {
            int[] pool = genres[rnd.nextInt(3)];
            int t = pool[rnd.nextInt(Math.min(pool.length, 60))]; // replays: a listener returns to favourites
            ObjectNode e = events.addObject();
            e.put("user_id", user);
            e.put("track_id", catalog.trackId(t));
            e.put("type", TYPES[rnd.nextInt(TYPES.length)]);
            e.put("timestamp", now.minus(Duration.ofMinutes(rnd.nextLong(Math.max(1, days) * 1440L))).toEpochMilli());
            e.put("ms_played", 20_000 + rnd.nextInt(200_000));
            if (keyPrefix != null) {
                e.put("idempotency_key", keyPrefix + i);
            }
        }
        return body;
    }
}
