package dev.mixtape.storage.cache;

import java.nio.charset.StandardCharsets;

/** Strings as UTF-8, for cache tests. */
public final class StringCodec implements TieredCache.Codec<String> {
    public static final StringCodec INSTANCE = new StringCodec();

    @Override
    public byte[] encode(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
