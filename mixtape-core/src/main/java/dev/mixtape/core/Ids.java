package dev.mixtape.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Validation and derivation of public ids.
 *
 * <p>Ids are 1–64 characters of {@code [A-Za-z0-9_-]}: Spotify's own base62 ids fit, and so do
 * ids of other catalogs. {@link #derive(String, String)} makes a stable 22-character base62 id
 * (the shape of a Spotify id) from a kind and a natural key: the first 128 bits of
 * SHA-256({@code kind + ":" + key}) written in base62, left-padded with '0'. The same key gives the
 * same id on every machine and every import. Thread-safe.
 */
public final class Ids {
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {}

    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code id} or throws {@link InvalidRequestException} naming the kind and value. */
    public static String requireValid(String kind, String id) {
        if (!isValid(id)) {
            throw new InvalidRequestException("invalid " + kind + " id: '" + id
                    + "' (expected 1-64 characters of A-Z, a-z, 0-9, '_' or '-')");
        }
        return id;
    }

    public static String derive(String kind, String naturalKey) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + naturalKey).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        // The first 128 bits as an unsigned number (hi, lo), written in base62: 22 digits suffice
        // (62^22 > 2^128). Long division by 62 on 32-bit halves keeps every step within a long.
        long hi = java.nio.ByteBuffer.wrap(hash, 0, 8).getLong();
        long lo = java.nio.ByteBuffer.wrap(hash, 8, 8).getLong();
        char[] out = new char[22];
        for (int i = 21; i >= 0; i--) {
            long qHi = Long.divideUnsigned(hi, 62);
            long r = Long.remainderUnsigned(hi, 62);
            long x1 = (r << 32) | (lo >>> 32);
            long q1 = x1 / 62;
            long x2 = ((x1 % 62) << 32) | (lo & 0xffffffffL);
            long q2 = x2 / 62;
            out[i] = BASE62[(int) (x2 % 62)];
            hi = qHi;
            lo = (q1 << 32) | q2;
        }
        return new String(out);
    }
}
