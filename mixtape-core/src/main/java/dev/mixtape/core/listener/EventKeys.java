package dev.mixtape.core.listener;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The de-duplication key of an event: SHA-256 of the user id and the caller's idempotency key, or, when
 * the caller sent none, of the event's content (user, track, type, timestamp, ms played, recommendation).
 * Keys are scoped per user, so two users may reuse an idempotency key. The key is the digest's first 128
 * bits as a UUID string (stored in a UUID column: compact, and compared as two longs).
 */
public final class EventKeys {
    private EventKeys() {}

    public static String of(String userId, String idempotencyKey) {
        return hash("k\u0000" + userId + '\u0000' + idempotencyKey);
    }

    public static String ofContent(String userId, String trackId, EventType type, Instant timestamp, long msPlayed,
                                   String recommendationId) {
        return hash("c\u0000" + userId + '\u0000' + trackId + '\u0000' + type.ordinal() + '\u0000'
                + timestamp.toEpochMilli() + '\u0000' + msPlayed + '\u0000' + (recommendationId == null ? "" : recommendationId));
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d);
            return new java.util.UUID(b.getLong(), b.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
