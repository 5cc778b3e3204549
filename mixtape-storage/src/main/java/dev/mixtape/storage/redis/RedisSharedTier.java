package dev.mixtape.storage.redis;

import dev.mixtape.storage.cache.SharedTier;
import io.lettuce.core.SetArgs;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The shared cache tier on Redis: values with a TTL ({@code SET key value PX ttl}), and invalidations
 * broadcast on the {@value #CHANNEL} channel so each instance drops the key from its own first tier.
 * Fails soft: every error is a miss (or a dropped write), logged once per outage.
 */
public final class RedisSharedTier implements SharedTier {
    public static final String CHANNEL = "mixtape:invalidate";

    private final Redis redis;
    private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public RedisSharedTier(Redis redis) {
        this.redis = redis;
        redis.whenConnected(this::subscribe); // now, or once a Redis that was down at start answers
    }

    private void subscribe() {
        redis.pubSub().addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                if (CHANNEL.equals(channel)) {
                    listeners.forEach(l -> l.accept(message));
                }
            }
        });
        try {
            redis.pubSub().sync().subscribe(CHANNEL);
        } catch (RuntimeException e) {
            redis.failed("subscribe", e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        if (!redis.usable()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(redis.connection().sync().get(key));
        } catch (RuntimeException e) {
            redis.failed("GET", e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        run("SET", () -> redis.connection().sync().set(key, value, SetArgs.Builder.px(ttl.toMillis())));
    }

    @Override
    public void delete(String key) {
        run("DEL", () -> redis.connection().sync().del(key));
    }

    @Override
    public void publishInvalidation(String key) {
        run("PUBLISH", () -> redis.connection().sync().publish(CHANNEL, key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Sends a write unless Redis is known to be down; a failure is logged once and dropped. */
    private void run(String what, Runnable command) {
        if (!redis.usable()) {
            return;
        }
        try {
            command.run();
        } catch (RuntimeException e) {
            redis.failed(what, e);
        }
    }

    @Override
    public void onInvalidation(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public boolean available() {
        return redis.usable();
    }

    @Override
    public void close() {
        redis.close();
    }
}
