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
 * reconnects in the background. When Redis cannot be reached at start, {@link #open} returns an instance that is
 * not usable yet and keeps trying in the background; what was waiting for it ({@link #whenConnected}) runs once it
 * answers. {@link #connect} instead fails at once (tests, tools).
 */
public final class Redis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);
    public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final String url;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile long downUntilNanos;
    private volatile boolean closed;
    private final java.util.List<Runnable> onConnect = new java.util.ArrayList<>();

    private Redis(String url, RedisClient client) {
        this.url = url;
        this.client = client;
    }

    /** Connects to {@code url} (redis://host:port[/db]); throws with the URL in the message when it cannot. */
    public static Redis connect(String url) {
        Redis r = new Redis(url, client(url));
        try {
            r.tryConnect();
        } catch (RuntimeException e) {
            r.client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            throw new IllegalStateException("cannot connect to Redis at " + url + ": " + e.getMessage(), e);
        }
        return r;
    }

    /**
     * Redis at {@code url}, connected now if it answers, else not usable until it does: a background thread tries
     * again every {@code retryEvery} and logs when it gets through. Throws only for a malformed URL.
     */
    public static Redis open(String url, Duration retryEvery) {
        Redis r = new Redis(url, client(url));
        try {
            r.tryConnect();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("redis", url).addKeyValue("error", e.getMessage()).addKeyValue("retry_every_s", retryEvery.toSeconds())
                    .log("Redis is unreachable; caches and rate limits stay in process until it answers");
            Thread.ofPlatform().daemon().name("redis-connect").start(() -> r.retry(retryEvery));
        }
        return r;
    }

    private void retry(Duration every) {
        while (!closed && connection == null) {
            try {
                Thread.sleep(every);
                tryConnect();
                LOG.atInfo().addKeyValue("redis", url).log("Redis answers now: shared cache and rate limits on Redis");
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // still unreachable; the next try follows
            }
        }
    }

    private static RedisClient client(String url) {
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
        return client;
    }

    /** Connects both connections, then runs what waited for them; throws when Redis does not answer. */
    private void tryConnect() {
        StatefulRedisConnection<String, byte[]> c = client.connect(CODEC);
        StatefulRedisPubSubConnection<String, String> ps;
        try {
            ps = client.connectPubSub();
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        java.util.List<Runnable> waiting;
        synchronized (onConnect) {
            pubSub = ps;
            connection = c;
            waiting = java.util.List.copyOf(onConnect);
            onConnect.clear();
        }
        waiting.forEach(Runnable::run);
    }

    /** Runs {@code action} once connected: now if connected, else when the background retry gets through. */
    public void whenConnected(Runnable action) {
        synchronized (onConnect) {
            if (connection == null) {
                onConnect.add(action);
                return;
            }
        }
        action.run();
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
        StatefulRedisConnection<String, byte[]> c = connection;
        return c != null && c.isOpen() && System.nanoTime() - downUntilNanos >= 0;
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
        closed = true;
        try {
            if (pubSub != null) {
                pubSub.close();
            }
            if (connection != null) {
                connection.close();
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
