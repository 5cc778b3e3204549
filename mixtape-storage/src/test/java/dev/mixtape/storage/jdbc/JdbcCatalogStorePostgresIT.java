package dev.mixtape.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcCatalogStoreContractTest} on a real PostgreSQL: each test gets a schema of its own
 * ({@code mixtape_it_<random>}), migrated by Flyway from scratch and dropped afterwards, so the
 * migrations are proven to run on PostgreSQL and no run sees another's data.
 *
 * <p>Server: see {@link PostgresSchemas}.
 */
class JdbcCatalogStorePostgresIT extends JdbcCatalogStoreContractTest {
    private PostgresSchemas.Schema pg;
    private String schema;

    @Override
    protected Database openFreshDatabase() throws Exception {
        pg = PostgresSchemas.create();
        schema = pg.name();
        return pg.open();
    }

    @Override
    protected void dropDatabase() throws Exception {
        if (pg != null) {
            pg.drop();
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
