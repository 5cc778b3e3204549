package dev.mixtape.app.config;

import dev.mixtape.core.DataDir;
import dev.mixtape.storage.jdbc.Database;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds a {@link MixtapeConfig}. Each key is looked up, the first found wins, in: command-line
 * overrides, the environment variable {@code MIXTAPE_<KEY>} (upper case, '.' as '_'), the config file,
 * the default. The config file is {@code MIXTAPE_CONFIG} if set, else {@code <home>/mixtape.properties}
 * if it exists. Unknown keys in the file and malformed values are errors that name the key and source.
 */
public final class ConfigLoader {
    /** Every key, with its default ("" = computed). */
    static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("port", "8080");
        KEYS.put("home", "");
        KEYS.put("data.dir", "");
        KEYS.put("catalog.file", "");
        KEYS.put("db.url", "");
        KEYS.put("db.user", "");
        KEYS.put("db.password", "");
        KEYS.put("api.keys", "");
        KEYS.put("max.per.artist", "3");
        KEYS.put("recommendations.cache.size", "10000");
        KEYS.put("cache.memory.mb", String.valueOf(ListenerConfig.DEFAULT_CACHE_MEMORY_MB));
        KEYS.put("llm.url", "");
        KEYS.put("llm.model", "");
        KEYS.put("llm.api.key", "");
        KEYS.put("llm.timeout.ms", "3000");
        KEYS.put("redis.url", "");
        KEYS.put("rate.limit.per.minute", "100");
        KEYS.put("model.retrain.events", "1000");
        KEYS.put("model.retrain.minutes", "360");
        KEYS.put("lastfm.auto.import", "true");
        // the session blend's defaults are SessionWeights.DEFAULT (fitted on the replay's validation listeners)
        dev.mixtape.algo.listener.SessionWeights sw = dev.mixtape.algo.listener.SessionWeights.DEFAULT;
        KEYS.put("session.weight.history", String.valueOf(sw.history()));
        KEYS.put("session.weight.personality", String.valueOf(sw.personality()));
        KEYS.put("session.weight.diversity", String.valueOf(sw.diversity()));
        KEYS.put("session.weight.novelty", String.valueOf(sw.novelty()));
        KEYS.put("session.max.adjustment", String.valueOf(sw.maxAdjustment()));
        KEYS.put("session.model.share", String.valueOf(sw.modelShare()));
        KEYS.put("strategy.hybrid.weights", dev.mixtape.algo.strategy.HybridStrategy.DEFAULT_WEIGHTS.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).collect(java.util.stream.Collectors.joining(",")));
        KEYS.put("exploration.rewards", "like:1,save:1,play:0.5,skip:0,dislike:0");
        KEYS.put("auto.learn", "true");
        KEYS.put("auto.explore", "0.1");
        KEYS.put("provider", "local");
        KEYS.put("spotify.client.id", "");
        KEYS.put("spotify.client.secret", "");
        KEYS.put("spotify.api.url", "https://api.spotify.com");
        KEYS.put("spotify.accounts.url", "https://accounts.spotify.com");
        KEYS.put("spotify.audio.features", "false");
        KEYS.put("spotify.top.refresh.hours", String.valueOf(ListenerConfig.DEFAULT_SPOTIFY_TOP_REFRESH_HOURS));
        KEYS.put("reccobeats.url", "https://api.reccobeats.com");
        KEYS.put("remote.read.timeout.ms", "60000");
        KEYS.put("remote.rate.per.second", "10");
        KEYS.put("remote.concurrency", "16");
        KEYS.put("remote.concurrency.per.host", "8");
        KEYS.put("remote.slow.ms", "20000");
        KEYS.put("log.format", "text");
        KEYS.put("log.level", "INFO");
    }

    private final Map<String, String> env;
    private final Map<String, String> overrides;

    public ConfigLoader(Map<String, String> env, Map<String, String> overrides) {
        this.env = env;
        this.overrides = overrides;
    }

    public static ConfigLoader fromSystem(Map<String, String> overrides) {
        return new ConfigLoader(System.getenv(), overrides);
    }

    public static String envName(String key) {
        return "MIXTAPE_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public MixtapeConfig load() {
        Path home = Path.of(first("home", Map.of()).orElse(System.getProperty("user.home") + "/.mixtape"));
        Map<String, String> file = readFile(home);
        Path dataDir = first("data.dir", file).map(Path::of).orElseGet(ConfigLoader::defaultDataDir);
        Path catalogFile = first("catalog.file", file).map(Path::of)
                .orElse(dataDir.resolve("spotify-tracks-114k").resolve("dataset.csv.gz"));
        String dbUrl = first("db.url", file).orElse(Database.h2Url(home));
        List<String> keys = new ArrayList<>();
        for (String k : first("api.keys", file).orElse("").split(",")) {
            if (!k.isBlank()) {
                keys.add(k.strip());
            }
        }
        return new MixtapeConfig(integer("port", file), home, dataDir, catalogFile, dbUrl,
                first("db.user", file).orElse(""), first("db.password", file).orElse(""), keys,
                integer("max.per.artist", file), integer("recommendations.cache.size", file), llm(file), listeners(file), providers(file));
    }

    private dev.mixtape.connectors.provider.ProviderConfig providers(Map<String, String> file) {
        String flag = Boolean.toString(bool("spotify.audio.features", file));
        try {
            return new dev.mixtape.connectors.provider.ProviderConfig(first("provider", file).orElseThrow(), url("spotify.api.url", file),
                    url("spotify.accounts.url", file), first("spotify.client.id", file).orElse(null), first("spotify.client.secret", file).orElse(null),
                    Boolean.parseBoolean(flag), url("reccobeats.url", file), java.time.Duration.ofMillis(integer("remote.read.timeout.ms", file)),
                    integer("remote.rate.per.second", file), integer("remote.concurrency", file), integer("remote.concurrency.per.host", file),
                    java.time.Duration.ofMillis(integer("remote.slow.ms", file)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (provider " + source("provider", file) + ")");
        }
    }

    private java.net.URI url(String key, Map<String, String> file) {
        String v = first(key, file).orElseThrow();
        try {
            java.net.URI u = new java.net.URI(v);
            if (u.getScheme() == null || u.getHost() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                throw new java.net.URISyntaxException(v, "not an http(s) URL with a host");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(key + " must be an http(s) URL, got '" + v + "' (" + source(key, file) + ")");
        }
    }

    private ListenerConfig listeners(Map<String, String> file) {
        dev.mixtape.algo.listener.SessionWeights w;
        try {
            w = new dev.mixtape.algo.listener.SessionWeights(decimal("session.weight.history", file),
                    decimal("session.weight.personality", file), decimal("session.weight.diversity", file),
                    decimal("session.weight.novelty", file), decimal("session.max.adjustment", file),
                    decimal("session.model.share", file));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (session.weight.* / session.max.adjustment / session.model.share)");
        }
        Map<String, Double> hybrid = pairs("strategy.hybrid.weights", file, java.util.Set.of("content", "collaborative", "popularity",
                "contextual", "exploration", "personality", "tempo"));
        Map<String, Double> r = pairs("exploration.rewards", file, java.util.Set.of("like", "save", "play", "skip", "dislike"));
        dev.mixtape.algo.listener.GenreFeedback.Rewards rewards;
        try {
            rewards = new dev.mixtape.algo.listener.GenreFeedback.Rewards(r.getOrDefault("like", 1.0), r.getOrDefault("save", 1.0),
                    r.getOrDefault("play", 0.5), r.getOrDefault("skip", 0.0), r.getOrDefault("dislike", 0.0));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("exploration.rewards: " + e.getMessage() + " (" + source("exploration.rewards", file) + ")");
        }
        return new ListenerConfig(first("redis.url", file).orElse(null), integer("rate.limit.per.minute", file), w, hybrid, rewards,
                integer("cache.memory.mb", file), new TrainingConfig(integer("model.retrain.events", file), integer("model.retrain.minutes", file),
                        bool("lastfm.auto.import", file)), bool("auto.learn", file), decimal("auto.explore", file),
                integer("spotify.top.refresh.hours", file));
    }

    /** {@code name:number,name:number} with names from {@code allowed} and numbers from 0 to 1. */
    private Map<String, Double> pairs(String key, Map<String, String> file, java.util.Set<String> allowed) {
        String v = first(key, file).orElseThrow();
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String part : v.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split(":", 2);
            String name = kv[0].strip();
            if (kv.length != 2 || !allowed.contains(name)) {
                throw new ConfigException(key + " must be name:number pairs with names from " + new java.util.TreeSet<>(allowed)
                        + ", got '" + part.strip() + "' (" + source(key, file) + ")");
            }
            double d;
            try {
                d = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new ConfigException(key + ": '" + kv[1].strip() + "' is not a number (" + source(key, file) + ")");
            }
            if (!(d >= 0 && d <= 1)) {
                throw new ConfigException(key + ": " + name + " must be from 0 to 1, got " + d + " (" + source(key, file) + ")");
            }
            out.put(name, d);
        }
        return out;
    }

    private double decimal(String key, Map<String, String> file) {
        String v = first(key, file).orElseThrow();
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a number, got '" + v + "' (" + source(key, file) + ")");
        }
    }

    private dev.mixtape.connectors.llm.LlmConfig llm(Map<String, String> file) {
        java.util.Optional<String> url = first("llm.url", file);
        if (url.isEmpty()) {
            return null;
        }
        String model = first("llm.model", file).orElseThrow(
                () -> new ConfigException("llm.url is set, so llm.model is required (" + envName("llm.model") + ")"));
        try {
            return new dev.mixtape.connectors.llm.LlmConfig(java.net.URI.create(url.get()), model,
                    first("llm.api.key", file).orElse(null), java.time.Duration.ofMillis(integer("llm.timeout.ms", file)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (" + source("llm.url", file) + ")");
        }
    }

    /** Log format and level, needed before anything logs. */
    public String value(String key) {
        Path home = Path.of(first("home", Map.of()).orElse(System.getProperty("user.home") + "/.mixtape"));
        return first(key, readFile(home)).orElse(KEYS.get(key));
    }

    private java.util.Optional<String> first(String key, Map<String, String> file) {
        for (String v : Arrays.asList(overrides.get(key), env.get(envName(key)), file.get(key))) {
            if (v != null && !v.isBlank()) {
                return java.util.Optional.of(v.strip());
            }
        }
        String def = KEYS.get(key);
        return def == null || def.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(def);
    }

    private boolean bool(String key, Map<String, String> file) {
        String flag = first(key, file).orElseThrow();
        if (!flag.equalsIgnoreCase("true") && !flag.equalsIgnoreCase("false")) {
            throw new ConfigException(key + " must be true or false, got '" + flag + "' (" + source(key, file) + ")");
        }
        return Boolean.parseBoolean(flag);
    }

    private int integer(String key, Map<String, String> file) {
        String v = first(key, file).orElseThrow();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be an integer, got '" + v + "' (" + source(key, file) + ")");
        }
    }

    private String source(String key, Map<String, String> file) {
        if (overrides.get(key) != null && !overrides.get(key).isBlank()) {
            return "from the command line";
        }
        if (env.get(envName(key)) != null && !env.get(envName(key)).isBlank()) {
            return "from " + envName(key);
        }
        return file.containsKey(key) ? "from the config file" : "default";
    }

    private Map<String, String> readFile(Path home) {
        String explicit = env.get("MIXTAPE_CONFIG");
        Path path = explicit != null && !explicit.isBlank() ? Path.of(explicit) : home.resolve("mixtape.properties");
        if (!Files.exists(path)) {
            if (explicit != null && !explicit.isBlank()) {
                throw new ConfigException("MIXTAPE_CONFIG names a file that does not exist: " + path);
            }
            return Map.of();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (!KEYS.containsKey(k)) {
                throw new ConfigException("unknown key '" + k + "' in " + path + " (known keys: " + KEYS.keySet() + ")");
            }
            out.put(k, p.getProperty(k));
        }
        return out;
    }

    /** {@code ./data} under the working directory, else {@code ../shared/data} beside the checkout ({@link DataDir}). */
    static Path defaultDataDir() {
        return DataDir.defaultDir();
    }
}
