package dev.mixtape.storage.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Throw-away schemas on the test PostgreSQL, so that each test migrates from scratch and sees no other
 * run's data. Server: {@code -Dmixtape.it.pg.url} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
 * {@code -Dmixtape.it.pg.user} (default {@code postgres}), {@code -Dmixtape.it.pg.password} (default empty).
 */
public final class PostgresSchemas {
    public static final String URL = System.getProperty("mixtape.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("mixtape.it.pg.user", "postgres");
    public static final String PASSWORD = System.getProperty("mixtape.it.pg.password", "");

    private PostgresSchemas() {}

    /** A new empty schema named {@code mixtape_it_<random>}. */
    public static Schema create() throws SQLException {
        String name = "mixtape_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        }
        return new Schema(name);
    }

    public record Schema(String name) {
        /** The JDBC URL that works in this schema. */
        public String url() {
            return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        /** A pool in this schema, migrated. */
        public Database open() {
            return Database.open(url(), USER, PASSWORD);
        }

        public void drop() throws SQLException {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }
}
