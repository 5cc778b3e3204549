package dev.mixtape.app.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything mixtape can be configured with. See {@link ConfigLoader} for where values come from and
 * docs/CONFIGURATION.md for each key.
 *
 * @param port          HTTP port of {@code serve} (1–65535; 0 picks a free one)
 * @param home          state directory: embedded database, models, caches
 * @param dataDir       where public datasets are read from
 * @param catalogFile   the catalog file {@code serve} imports on first start
 * @param dbUrl         JDBC URL; the embedded H2 file under {@code home} by default
 * @param apiKeys       accepted bearer tokens; empty means the API is open
 * @param maxPerArtist  default cap of tracks per artist in {@code /v1/recommendations}
 * @param resultCacheSize answers of {@code /v1/recommendations} kept per catalog (0 = no cache)
 * @param llm           the OpenAI-compatible prompt interpreter, or null for the built-in one only
 * @param listeners     Redis, rate limits and the session blend of the listener API
 * @param providers     where the catalog and playlists come from: the embedded catalog, or Spotify / ReccoBeats
 */
public record MixtapeConfig(int port, Path home, Path dataDir, Path catalogFile, String dbUrl, String dbUser,
                            String dbPassword, List<String> apiKeys, int maxPerArtist,
                            int resultCacheSize, dev.mixtape.connectors.llm.LlmConfig llm,
                            ListenerConfig listeners, dev.mixtape.connectors.provider.ProviderConfig providers) {
    /** With the embedded catalog as the provider. */
    public MixtapeConfig(int port, Path home, Path dataDir, Path catalogFile, String dbUrl, String dbUser, String dbPassword, List<String> apiKeys,
                         int maxPerArtist, int resultCacheSize, dev.mixtape.connectors.llm.LlmConfig llm, ListenerConfig listeners) {
        this(port, home, dataDir, catalogFile, dbUrl, dbUser, dbPassword, apiKeys, maxPerArtist, resultCacheSize, llm, listeners,
                dev.mixtape.connectors.provider.ProviderConfig.LOCAL);
    }

    public MixtapeConfig {
        if (port < 0 || port > 65535) {
            throw new ConfigException("port must be from 0 to 65535, got " + port);
        }
        if (maxPerArtist < 1) {
            throw new ConfigException("max_per_artist must be at least 1, got " + maxPerArtist);
        }
        if (resultCacheSize < 0) {
            throw new ConfigException("recommendations.cache.size must be 0 or more, got " + resultCacheSize);
        }
        apiKeys = List.copyOf(apiKeys);
        listeners = listeners == null ? ListenerConfig.DEFAULT : listeners;
        providers = providers == null ? dev.mixtape.connectors.provider.ProviderConfig.LOCAL : providers;
    }

    public MixtapeConfig withPort(int newPort) {
        return new MixtapeConfig(newPort, home, dataDir, catalogFile, dbUrl, dbUser, dbPassword, apiKeys, maxPerArtist,
                resultCacheSize, llm, listeners, providers);
    }

    @Override
    public String toString() {
        return "MixtapeConfig[port=" + port + ", home=" + home + ", dataDir=" + dataDir + ", catalogFile=" + catalogFile
                + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", apiKeys=" + apiKeys.size() + " configured"
                + ", maxPerArtist=" + maxPerArtist + ", resultCacheSize=" + resultCacheSize + ", llm=" + (llm == null ? "off" : llm.model() + " at " + llm.baseUrl())
                + ", redis=" + (listeners.redisUrl() == null ? "off" : listeners.redisUrl().replaceAll("//[^@/]*@", "//***@"))
                + ", rateLimitPerMinute=" + listeners.rateLimitPerMinute() + ", provider=" + providers + "]";
    }
}
