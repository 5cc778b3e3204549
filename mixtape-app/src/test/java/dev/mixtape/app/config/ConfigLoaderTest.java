package dev.mixtape.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.storage.jdbc.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path home;

    /** An environment that points MIXTAPE_HOME at the temp dir, so no real ~/.mixtape is read. */
    private Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("MIXTAPE_HOME", home.toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private void file(String content) throws IOException {
        Files.writeString(home.resolve("mixtape.properties"), content);
    }

    @Test
    void defaults() {
        MixtapeConfig c = new ConfigLoader(env(), Map.of()).load();
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.home()).isEqualTo(home);
        assertThat(c.maxPerArtist()).isEqualTo(3);
        assertThat(c.apiKeys()).isEmpty();
        assertThat(c.dbUrl()).isEqualTo(Database.h2Url(home));
        assertThat(c.dbUser()).isEmpty();
        assertThat(c.dbPassword()).isEmpty();
        assertThat(c.dataDir()).isEqualTo(ConfigLoader.defaultDataDir());
        assertThat(c.catalogFile()).isEqualTo(c.dataDir().resolve("spotify-tracks-114k").resolve("dataset.csv.gz"));
        assertThat(new ConfigLoader(env(), Map.of()).value("log.level")).isEqualTo("INFO");
        assertThat(new ConfigLoader(env(), Map.of()).value("log.format")).isEqualTo("text");
    }

    @Test
    void precedenceOverridesThenEnvThenFileThenDefault() throws IOException {
        file("port=9001\nmax.per.artist=4\nlog.level=DEBUG\n");
        Map<String, String> env = env("MIXTAPE_PORT", "9002", "MIXTAPE_LOG_LEVEL", "WARN");
        assertThat(new ConfigLoader(env, map("port", "9003")).load().port()).isEqualTo(9003);
        assertThat(new ConfigLoader(env, Map.of()).load().port()).isEqualTo(9002);
        assertThat(new ConfigLoader(env(), Map.of()).load().port()).isEqualTo(9001);
        assertThat(new ConfigLoader(env, Map.of()).load().maxPerArtist()).isEqualTo(4);
        assertThat(new ConfigLoader(env, Map.of()).value("log.level")).isEqualTo("WARN");
        assertThat(new ConfigLoader(env(), Map.of()).value("log.level")).isEqualTo("DEBUG");
        assertThat(new ConfigLoader(env(), map("log.level", "ERROR")).value("log.level")).isEqualTo("ERROR");
        Files.delete(home.resolve("mixtape.properties"));
        assertThat(new ConfigLoader(env(), Map.of()).load().port()).isEqualTo(8080);
    }

    @Test
    void blankValuesFallThrough() throws IOException {
        file("port=9001\n");
        assertThat(new ConfigLoader(env("MIXTAPE_PORT", "  "), map("port", "")).load().port()).isEqualTo(9001);
    }

    @Test
    void everyKeyHasItsEnvironmentVariable() {
        assertThat(ConfigLoader.envName("max.per.artist")).isEqualTo("MIXTAPE_MAX_PER_ARTIST");
        assertThat(ConfigLoader.envName("db.url")).isEqualTo("MIXTAPE_DB_URL");
        MixtapeConfig c = new ConfigLoader(env("MIXTAPE_DB_URL", "jdbc:postgresql://db/x", "MIXTAPE_DB_USER", "u",
                "MIXTAPE_DB_PASSWORD", "p", "MIXTAPE_API_KEYS", " k1, ,k2 ,", "MIXTAPE_DATA_DIR", "/data",
                "MIXTAPE_CATALOG_FILE", "/data/x.csv", "MIXTAPE_MAX_PER_ARTIST", "2"), Map.of()).load();
        assertThat(c.dbUrl()).isEqualTo("jdbc:postgresql://db/x");
        assertThat(c.dbUser()).isEqualTo("u");
        assertThat(c.dbPassword()).isEqualTo("p");
        assertThat(c.apiKeys()).containsExactly("k1", "k2");
        assertThat(c.dataDir()).isEqualTo(Path.of("/data"));
        assertThat(c.catalogFile()).isEqualTo(Path.of("/data/x.csv"));
        assertThat(c.maxPerArtist()).isEqualTo(2);
    }

    @Test
    void catalogFileDefaultsUnderTheDataDir() {
        MixtapeConfig c = new ConfigLoader(env(), map("data.dir", "/srv/data")).load();
        assertThat(c.catalogFile()).isEqualTo(Path.of("/srv/data/spotify-tracks-114k/dataset.csv.gz"));
    }

    @Test
    void homeComesFromOverridesOrEnvironment() {
        Path other = home.resolve("other");
        MixtapeConfig c = new ConfigLoader(env(), map("home", other.toString())).load();
        assertThat(c.home()).isEqualTo(other);
        assertThat(c.dbUrl()).isEqualTo(Database.h2Url(other));
    }

    @Test
    void explicitConfigFile() throws IOException {
        Path f = home.resolve("elsewhere.properties");
        Files.writeString(f, "port=7000\n");
        assertThat(new ConfigLoader(env("MIXTAPE_CONFIG", f.toString()), Map.of()).load().port()).isEqualTo(7000);
        Path missing = home.resolve("missing.properties");
        assertThatThrownBy(() -> new ConfigLoader(env("MIXTAPE_CONFIG", missing.toString()), Map.of()).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MIXTAPE_CONFIG")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void unknownKeyInTheFileIsNamed() throws IOException {
        file("port=9001\nmax_per_artist=4\n");
        assertThatThrownBy(() -> new ConfigLoader(env(), Map.of()).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'max_per_artist'")
                .hasMessageContaining("mixtape.properties")
                .hasMessageContaining("max.per.artist");
    }

    @Test
    void badPortNamesKeyValueAndSource() throws IOException {
        assertThatThrownBy(() -> new ConfigLoader(env("MIXTAPE_PORT", "eighty"), Map.of()).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("port must be an integer, got 'eighty' (from MIXTAPE_PORT)");
        assertThatThrownBy(() -> new ConfigLoader(env(), map("port", "x")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'x' (from the command line)");
        file("port=8o8o\n");
        assertThatThrownBy(() -> new ConfigLoader(env(), Map.of()).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'8o8o' (from the config file)");
        assertThatThrownBy(() -> new ConfigLoader(env(), map("port", "70000")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("port must be from 0 to 65535, got 70000");
        assertThatThrownBy(() -> new ConfigLoader(env(), map("port", "-1")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("port must be from 0 to 65535");
        assertThat(new ConfigLoader(env(), map("port", "0")).load().port()).isZero();
    }

    @Test
    void badMaxPerArtist() {
        assertThatThrownBy(() -> new ConfigLoader(env("MIXTAPE_MAX_PER_ARTIST", "0"), Map.of()).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("max_per_artist must be at least 1, got 0");
        assertThatThrownBy(() -> new ConfigLoader(env("MIXTAPE_MAX_PER_ARTIST", "many"), Map.of()).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("max.per.artist must be an integer, got 'many'");
    }

    @Test
    void toStringHidesSecrets() {
        MixtapeConfig c = new ConfigLoader(env("MIXTAPE_DB_PASSWORD", "hunter2", "MIXTAPE_API_KEYS", "sekret"), Map.of()).load();
        assertThat(c.toString()).doesNotContain("hunter2").doesNotContain("sekret").contains("1 configured");
    }

    @Test
    void llmInterpreterIsOffByDefaultAndNeedsAModelWhenAUrlIsGiven() {
        assertThat(new ConfigLoader(env(), Map.of()).load().llm()).isNull();
        assertThatThrownBy(() -> new ConfigLoader(env("MIXTAPE_LLM_URL", "http://127.0.0.1:9/v1"), Map.of()).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("llm.model");
        MixtapeConfig c = new ConfigLoader(env("MIXTAPE_LLM_URL", "http://127.0.0.1:9/v1", "MIXTAPE_LLM_MODEL", "small",
                "MIXTAPE_LLM_TIMEOUT_MS", "1500"), Map.of()).load();
        assertThat(c.llm().model()).isEqualTo("small");
        assertThat(c.llm().timeout()).hasMillis(1500);
        assertThatThrownBy(() -> new ConfigLoader(env("MIXTAPE_LLM_URL", "ftp://x", "MIXTAPE_LLM_MODEL", "m"), Map.of()).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("http");
    }

    @Test
    void listenerAndStrategySettings() {
        MixtapeConfig d = new ConfigLoader(env(), Map.of()).load();
        assertThat(d.listeners().rateLimitPerMinute()).isEqualTo(100);
        assertThat(d.listeners().redisUrl()).isNull();
        assertThat(d.listeners().hybridWeights()).containsEntry("content", 0.35).containsEntry("collaborative", 0.4)
                .containsEntry("contextual", 0.1).hasSize(4);
        assertThat(d.listeners().rewards()).isEqualTo(dev.mixtape.algo.listener.GenreFeedback.Rewards.DEFAULT);

        MixtapeConfig c = new ConfigLoader(env("MIXTAPE_REDIS_URL", "redis://127.0.0.1:6379", "MIXTAPE_STRATEGY_HYBRID_WEIGHTS",
                "content:0.5, tempo:0.5", "MIXTAPE_EXPLORATION_REWARDS", "play:0.7,skip:0.1", "MIXTAPE_SESSION_WEIGHT_NOVELTY", "0.3"),
                Map.of()).load();
        assertThat(c.listeners().redisUrl()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(c.listeners().hybridWeights()).containsExactly(Map.entry("content", 0.5), Map.entry("tempo", 0.5));
        assertThat(c.listeners().rewards().play()).isEqualTo(0.7);
        assertThat(c.listeners().rewards().skip()).isEqualTo(0.1);
        assertThat(c.listeners().rewards().like()).isEqualTo(1.0);
        assertThat(c.listeners().weights().novelty()).isEqualTo(0.3);

        assertThatThrownBy(() -> new ConfigLoader(env("MIXTAPE_STRATEGY_HYBRID_WEIGHTS", "magic:0.5"), Map.of()).load())
                .hasMessageContaining("strategy.hybrid.weights").hasMessageContaining("'magic:0.5'").hasMessageContaining("MIXTAPE_STRATEGY_HYBRID_WEIGHTS");
        assertThatThrownBy(() -> new ConfigLoader(env("MIXTAPE_EXPLORATION_REWARDS", "play:2"), Map.of()).load())
                .hasMessageContaining("play must be from 0 to 1");
        assertThatThrownBy(() -> new ConfigLoader(env("MIXTAPE_RATE_LIMIT_PER_MINUTE", "0"), Map.of()).load())
                .hasMessageContaining("rate.limit.per.minute must be at least 1");
    }
}
