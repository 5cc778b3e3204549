package dev.mixtape.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A pooled JDBC connection with the schema migrated by Flyway: the embedded H2 file database by
 * default, PostgreSQL in production (the same migrations run on both, and on PostgreSQL also {@code db/postgresql}:
 * row-level security on the per-listener tables). Thread-safe; close it once.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database file (without H2's {@code .mv.db}) of a {@code jdbc:h2:file:} URL, absolute; null for any other URL. */
    public static Path h2File(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        return Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0]).toAbsolutePath();
    }

    /**
     * On H2, writes what {@code c} committed to the file now ({@code CHECKPOINT}), for a write about to be
     * acknowledged: with {@code WRITE_DELAY=0} a commit asks the store to write, but skips that while another write of
     * the store is in progress, and the commit then waits in memory for the next one (measured: acknowledged events lost
     * to a {@code kill -9} in 2 of 5 runs, none in 10 with this; docs/LISTENERS.md "Durability"). Nothing on any other
     * database.
     */
    public static void flushCommitted(java.sql.Connection c) throws java.sql.SQLException {
        if (c.getMetaData().getURL().startsWith("jdbc:h2:")) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("CHECKPOINT");
            }
        }
    }

    /** The JDBC URL of the embedded H2 database kept under {@code home/db}. */
    public static String h2Url(Path home) {
        // AUTO_SERVER lets a second process (say, `mixtape import` while `serve` runs) share the file.
        return "jdbc:h2:file:" + home.toAbsolutePath().resolve("db").resolve("mixtape") + ";AUTO_SERVER=TRUE";
    }

    /**
     * Opens a pool on {@code url} and migrates the schema to the newest version. For an embedded H2
     * file database the parent directory is created first.
     */
    public static Database open(String url, String user, String password) {
        Path h2 = h2File(url);
        if (h2 != null) {
            Path parent = h2.getParent();
            try {
                java.nio.file.Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create the database directory " + parent, e);
            }
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(tuned(url));
        cfg.setUsername(user == null ? "" : user);
        cfg.setPassword(password == null ? "" : password);
        cfg.setMaximumPoolSize(8);
        cfg.setMinimumIdle(1);
        cfg.setPoolName("mixtape-db");
        cfg.setInitializationFailTimeout(10_000);
        // a request waits at most this long for a connection when the database is down, then gets a 503
        cfg.setConnectionTimeout(2_000);
        HikariDataSource ds = new HikariDataSource(cfg);
        try {
            // PostgreSQL also gets its own migrations (row-level security), numbered apart from the common ones
            String[] locations = url.startsWith("jdbc:postgresql:") ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                    : new String[] {"classpath:db/migration"};
            Flyway.configure().dataSource(ds).locations(locations).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    /**
     * The URL with driver settings mixtape relies on, unless the URL sets them itself. For PostgreSQL,
     * {@code reWriteBatchedInserts=true} (a JDBC batch of inserts becomes multi-row inserts). For an H2
     * file database, {@code WRITE_DELAY=0}: H2 otherwise writes committed changes to its file up to a
     * second later, and a crash in that second loses acknowledged writes (seen here: 1,000 committed rows
     * gone after a halt); with it, a commit is in the file when it returns.
     */
    static String tuned(String url) {
        if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
            return url + ";WRITE_DELAY=0";
        }
        if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
            return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        return url;
    }

    /**
     * Null when the database answers a validity check within a second, else what is wrong (for
     * readiness probes).
     */
    public String problem() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.isValid(1) ? null : "the database connection is not valid";
        } catch (java.sql.SQLException e) {
            return "the database is unavailable: " + e.getMessage();
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
