package dev.mixtape.connectors.provider;

import dev.mixtape.connectors.http.AbsentIds;
import dev.mixtape.connectors.http.RemoteCache;
import dev.mixtape.connectors.http.RemoteOptions;
import dev.mixtape.connectors.http.Transport;
import dev.mixtape.connectors.reccobeats.DenyList;
import dev.mixtape.connectors.reccobeats.RecommendationGuard;
import dev.mixtape.connectors.spotify.SpotifyTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds the provider a {@link ProviderConfig} names. */
public final class Providers {
    private Providers() {}

    /**
     * @param local the embedded catalog's provider (asked for only when the config names {@code local})
     * @param cache the remote caches (in process, or two levels with Redis)
     */
    public static MusicProvider create(ProviderConfig config, Supplier<MusicProvider> local, RemoteCache cache, MeterRegistry meters) {
        RemoteOptions options = new RemoteOptions(Duration.ofSeconds(5), config.readTimeout(), config.concurrency(), config.perHostConcurrency(),
                config.ratePerSecond(), config.slowThreshold(), 3, Duration.ofMillis(250), Duration.ofSeconds(30), true, meters);
        return create(config, local, cache, options);
    }

    public static MusicProvider create(ProviderConfig config, Supplier<MusicProvider> local, RemoteCache cache, RemoteOptions options) {
        AbsentIds absent = new AbsentIds(1_000_000, 0.001, RemoteCache.Kind.ABSENT.ttl());
        Transport transport = options.transport(); // one chain: the global concurrency bound holds across providers
        List<MusicProvider> list = new ArrayList<>();
        for (String name : ProviderConfig.parts(config.kind())) {
            list.add(switch (name) {
                case "local" -> local.get();
                case "spotify" -> new SpotifyProvider(config.spotifyApi(), new SpotifyTokens(config.spotifyAccounts(), config.spotifyClientId(),
                        config.spotifyClientSecret(), HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build(), Clock.systemUTC()),
                        config.spotifyAudioFeatures(), options, transport, cache, absent);
                case "reccobeats" -> new ReccoBeatsProvider(config.reccobeatsUrl(), options, transport, cache, absent,
                        new RecommendationGuard(new DenyList(cache, Clock.systemUTC())));
                default -> throw new IllegalArgumentException("unknown provider " + name);
            });
        }
        return list.size() == 1 ? list.get(0) : new CompositeProvider(list);
    }
}
