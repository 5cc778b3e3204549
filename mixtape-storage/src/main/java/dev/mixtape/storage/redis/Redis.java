package dev.mixtape.storage.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis server as mixtape uses it: a command connection (string keys, byte values) and a pub/sub
 * connection. Commands time out fast ({@link #COMMAND_TIMEOUT}) and are rejected at once while the
 * connection is down, instead of queueing, so a dead Redis costs a request almost nothing; Lettuce
 * reconnects in the background. When Redis cannot be reached at start, {@link #connect} fails and the
 * caller decides (mixtape logs it and serves from its own tiers).
 */
public final class Redis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);
    public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final String url;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile long downUntilNanos;

    private Redis(String url, RedisClient client, StatefulRedisConnection<String, byte[]> connection,
                  StatefulRedisPubSubConnection<String, String> pubSub) {
        this.url = url;
        this.client = client;
        this.connection = connection;
        this.pubSub = pubSub;
    }

    /** Connects to {@code url} (redis://host:port[/db]); throws with the URL in the message when it cannot. */
    public static Redis connect(String url) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("redis.url is not a Redis URL (redis://host:port): " + url, e);
        }
        uri.setTimeout(COMMAND_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        try {
            StatefulRedisConnection<String, byte[]> c = client.connect(CODEC);
            StatefulRedisPubSubConnection<String, String> ps = client.connectPubSub();
            return new Redis(url, client, c, ps);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            throw new IllegalStateException("cannot connect to Redis at " + url + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return url;
    }

    public StatefulRedisConnection<String, byte[]> connection() {
        return connection;
    }

    public StatefulRedisPubSubConnection<String, String> pubSub() {
        return pubSub;
    }

    /** Whether commands are worth sending: connected, and no failure in the last second. */
    public boolean usable() {
        return connection.isOpen() && System.nanoTime() - downUntilNanos >= 0;
    }

    /** Records a failed command: the next second's commands are skipped, and the failure is logged once. */
    public void failed(String what, RuntimeException e) {
        boolean wasUp = System.nanoTime() - downUntilNanos >= 0;
        downUntilNanos = System.nanoTime() + 1_000_000_000L;
        if (wasUp) {
            LOG.atWarn().addKeyValue("redis", url).addKeyValue("during", what).addKeyValue("error", e.toString())
                    .log("Redis failed; serving from the in-process tier");
        }
    }

    @Override
    public void close() {
        try {
            pubSub.close();
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
