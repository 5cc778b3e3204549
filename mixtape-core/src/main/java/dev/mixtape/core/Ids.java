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
        // 128 bits as an unsigned number, written in base62 (22 digits suffice: 62^22 > 2^128).
        java.math.BigInteger n = new java.math.BigInteger(1, java.util.Arrays.copyOf(hash, 16));
        java.math.BigInteger base = java.math.BigInteger.valueOf(62);
        char[] out = new char[22];
        for (int i = 21; i >= 0; i--) {
            java.math.BigInteger[] qr = n.divideAndRemainder(base);
            out[i] = BASE62[qr[1].intValue()];
            n = qr[0];
        }
        return new String(out);
    }
}
