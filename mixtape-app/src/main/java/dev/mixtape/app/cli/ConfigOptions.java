package dev.mixtape.app.cli;

import dev.mixtape.app.config.ConfigLoader;
import dev.mixtape.app.config.MixtapeConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares; each overrides its configuration key. */
final class ConfigOptions {
    @Option(names = "--home", paramLabel = "DIR", description = "State directory (MIXTAPE_HOME, default ~/.mixtape).")
    Path home;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Dataset directory (MIXTAPE_DATA_DIR).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Database (MIXTAPE_DB_URL, default: embedded H2 under the home).")
    String dbUrl;

    MixtapeConfig load(Map<String, String> more) {
        Map<String, String> o = new HashMap<>(more);
        if (home != null) {
            o.put("home", home.toString());
        }
        if (dataDir != null) {
            o.put("data.dir", dataDir.toString());
        }
        if (dbUrl != null) {
            o.put("db.url", dbUrl);
        }
        return ConfigLoader.fromSystem(o).load();
    }
}
