package dev.mixtape.app.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks {@code Authorization: Bearer <key>} against the configured API keys. With no keys
 * configured every request passes and any bearer token is ignored, so Spotify clients that always
 * send one just work. Comparison is constant-time. Thread-safe.
 */
public final class ApiKeyCheck {
    private final List<byte[]> keys;

    public ApiKeyCheck(List<String> keys) {
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public void check(Context ctx) {
        if (keys.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "No token provided");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "Only valid bearer authentication supported");
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] k : keys) {
            ok |= MessageDigest.isEqual(k, given);
        }
        if (!ok) {
            throw new ApiException(401, "Invalid access token");
        }
    }
}
