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
}
