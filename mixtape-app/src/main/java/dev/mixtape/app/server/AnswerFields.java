package dev.mixtape.app.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fields a cached answer gets per request (its response time, whether the cache answered, an id for outcome events,
 * the experiment variant), added to the cached JSON bytes without parsing them. The one way the session and v2 answers
 * do it: a cached answer is a JSON object whose last member is its {@code "metadata"} object, so it ends in {@code "}}"};
 * {@link #metadata} fields go inside that object, {@link #top} fields after it. Values are written by Jackson, so any
 * string is escaped. Not thread-safe: one per answer.
 */
final class AnswerFields {
    private final StringBuilder metadata = new StringBuilder(96);
    private final StringBuilder top = new StringBuilder(96);

    /** The response time since {@code startNanos} ({@link System#nanoTime}), in ms to two decimals, and the cache status. */
    static AnswerFields timed(long startNanos, dev.mixtape.storage.cache.TieredCache.Status status) {
        return new AnswerFields().metadata("response_time_ms", Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0)
                .metadata("cache_status", status.wireName());
    }

    AnswerFields metadata(String name, Object value) {
        member(metadata, name, value);
        return this;
    }

    AnswerFields top(String name, Object value) {
        member(top, name, value);
        return this;
    }

    private static void member(StringBuilder to, String name, Object value) {
        try {
            to.append(',').append(JsonBody.JSON.writeValueAsString(name)).append(':').append(JsonBody.JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + name, e);
        }
    }

    /** {@code cached} (not modified) with the fields added; an {@link IllegalStateException} when it does not end in its metadata object. */
    byte[] addTo(byte[] cached) {
        int n = cached.length;
        if (n < 4 || cached[n - 1] != '}' || cached[n - 2] != '}') {
            throw new IllegalStateException("a cached answer must end with its metadata object");
        }
        byte[] inside = metadata.toString().getBytes(StandardCharsets.UTF_8);
        byte[] after = top.toString().getBytes(StandardCharsets.UTF_8);
        // an empty metadata object ("metadata":{}) takes its first field without the comma
        boolean empty = cached[n - 3] == '{';
        int skip = empty && inside.length > 0 ? 1 : 0;
        byte[] out = Arrays.copyOf(cached, n - 2 + inside.length - skip + 1 + after.length + 1);
        int p = n - 2;
        System.arraycopy(inside, skip, out, p, inside.length - skip);
        p += inside.length - skip;
        out[p++] = '}';
        System.arraycopy(after, 0, out, p, after.length);
        p += after.length;
        out[p] = '}';
        return out;
    }
}
