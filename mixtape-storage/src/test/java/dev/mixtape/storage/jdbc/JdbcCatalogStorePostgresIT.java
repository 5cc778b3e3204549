package dev.mixtape.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcCatalogStoreContractTest} on a real PostgreSQL: each test gets a schema of its own
 * ({@code mixtape_it_<random>}), migrated by Flyway from scratch and dropped afterwards, so the
 * migrations are proven to run on PostgreSQL and no run sees another's data.
 *
 * <p>Server: {@code -Dmixtape.it.pg.url} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
 * {@code -Dmixtape.it.pg.user} (default {@code postgres}), {@code -Dmixtape.it.pg.password} (default empty).
 */
class JdbcCatalogStorePostgresIT extends JdbcCatalogStoreContractTest {
    private static final String URL = System.getProperty("mixtape.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("mixtape.it.pg.user", "postgres");
    private static final String PASSWORD = System.getProperty("mixtape.it.pg.password", "");

    private String schema;

    @Override
    protected Database openFreshDatabase() throws Exception {
        schema = "mixtape_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return Database.open(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, USER, PASSWORD);
    }

    @Override
    protected void dropDatabase() throws Exception {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void migrationsRanInTheTestsOwnSchema() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT current_schema()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(schema);
            }
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema + "' ORDER BY table_name")) {
                java.util.List<String> tables = new java.util.ArrayList<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
                assertThat(tables).contains("albums", "artists", "flyway_schema_history", "track_artists", "track_genres",
                        "tracks");
            }
            try (ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("1");
                assertThat(rs.getBoolean(2)).isTrue();
            }
        }
    }
}
