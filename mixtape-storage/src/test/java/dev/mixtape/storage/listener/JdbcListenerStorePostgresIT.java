package dev.mixtape.storage.listener;

import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.PostgresSchemas;

/**
 * {@link ListenerStoreContractTest} on a real PostgreSQL (127.0.0.1:5432, database {@code test}), each
 * test in a schema of its own, migrated from scratch and dropped afterwards.
 */
class JdbcListenerStorePostgresIT extends JdbcListenerStoreContract {
    private PostgresSchemas.Schema schema;

    @Override
    protected Database openDatabase() throws Exception {
        schema = PostgresSchemas.create();
        return schema.open();
    }

    @Override
    protected void dropDatabase() throws Exception {
        if (schema != null) {
            schema.drop();
        }
    }
    /** Runs {@code sql} in a transaction as the listener-scoped role, scoped to {@code listener} (null: no scope). */
    private long scoped(String listener, String sql) throws Exception {
        try (java.sql.Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET LOCAL ROLE mixtape_listener");
                if (listener != null) {
                    st.execute("SET LOCAL mixtape.listener = '" + listener + "'");
                }
                if (sql.startsWith("SELECT")) {
                    try (java.sql.ResultSet rs = st.executeQuery(sql)) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
                return st.executeUpdate(sql);
            } finally {
                c.rollback();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aListenerScopedRoleReadsAndWritesOnlyItsOwnRows() throws Exception {
        java.time.Instant now = java.time.Instant.parse("2026-06-01T12:00:00Z");
        for (String u : new String[] {"rls-a", "rls-b"}) {
            store.createUser(u, now);
            java.util.List<dev.mixtape.core.listener.ListeningEvent> events = java.util.List.of(
                    event(u, "t1", dev.mixtape.core.listener.EventType.PLAY, now, 200_000, u + "-1"),
                    event(u, "t2", dev.mixtape.core.listener.EventType.LIKE, now, 0, u + "-2"));
            store.append(events, plays(events), now);
            store.putPersonality(u, new dev.mixtape.core.listener.PersonalityProfile(dev.mixtape.core.listener.Traits.NEUTRAL, "traits", now));
            store.saveSession("s-" + u, u, now, "{}");
        }
        org.assertj.core.api.Assertions.assertThat(scoped("rls-a", "SELECT COUNT(*) FROM listening_events")).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(scoped("rls-a", "SELECT COUNT(*) FROM listeners")).isEqualTo(1);
        for (String table : new String[] {"listening_events", "listening_history", "personality_profiles", "session_recommendations"}) {
            org.assertj.core.api.Assertions.assertThat(scoped("rls-a", "SELECT COUNT(*) FROM " + table + " WHERE user_id = 'rls-b'"))
                    .as(table).isZero();
            org.assertj.core.api.Assertions.assertThat(scoped("rls-a", "SELECT COUNT(*) FROM " + table + " WHERE user_id = 'rls-a'"))
                    .as(table).isPositive();
        }
        // writes: its own rows only
        org.assertj.core.api.Assertions.assertThat(scoped("rls-a", "UPDATE listening_history SET plays = 99 WHERE user_id = 'rls-a'")).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(scoped("rls-a", "UPDATE listening_history SET plays = 99")).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(scoped("rls-a", "DELETE FROM personality_profiles WHERE user_id = 'rls-b'")).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scoped("rls-a",
                "INSERT INTO personality_profiles VALUES ('rls-c', 0.5, 0.5, 0.5, 0.5, 0.5, 'traits', 0)"))
                .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("row-level security");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scoped("rls-a",
                "UPDATE listening_events SET user_id = 'rls-b' WHERE user_id = 'rls-a'"))
                .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("row-level security");
        // without a listener scope the role sees nothing
        org.assertj.core.api.Assertions.assertThat(scoped(null, "SELECT COUNT(*) FROM listening_events")).isZero();
        // the server's own role (the owner) still serves everyone
        org.assertj.core.api.Assertions.assertThat(store.history("rls-b", 50)).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(store.personality("rls-b")).isPresent();
    }
}
