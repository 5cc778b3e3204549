package dev.mixtape.storage.jdbc;

import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Track;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.TreeSet;

/**
 * A 64-bit fingerprint of everything stored about a track (the first 8 bytes of SHA-256 over a
 * canonical text form), so an import can tell unchanged rows from changed ones without reading them.
 * Audio features enter at {@code float} precision, the precision they are stored at. Thread-safe.
 */
final class ContentHash {
    private ContentHash() {}

    static long of(Track t) {
        AudioFeatures f = t.features();
        StringBuilder sb = new StringBuilder(256);
        sb.append(t.id()).append('\u0001').append(t.name()).append('\u0001').append(t.album().id())
                .append('\u0001').append(t.album().name()).append('\u0001');
        for (ArtistRef a : t.artists()) {
            sb.append(a.id()).append('=').append(a.name()).append(';');
        }
        sb.append('\u0001').append(new TreeSet<>(t.genres())).append('\u0001').append(t.durationMs())
                .append(',').append(t.explicit()).append(',').append(t.popularity());
        double[] values = {f.acousticness(), f.danceability(), f.energy(), f.instrumentalness(), f.liveness(),
            f.speechiness(), f.valence(), f.key(), f.mode(), f.loudness(), f.tempo(), f.timeSignature()};
        for (double v : values) {
            sb.append(',').append((float) v);
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
