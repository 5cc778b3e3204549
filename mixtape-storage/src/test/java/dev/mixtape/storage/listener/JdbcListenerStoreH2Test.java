package dev.mixtape.storage.listener;

import dev.mixtape.storage.jdbc.Database;
import java.util.UUID;

/** {@link ListenerStoreContractTest} on a fresh in-memory H2 database per test. */
class JdbcListenerStoreH2Test extends JdbcListenerStoreContract {
    @Override
    protected Database openDatabase() {
        return Database.open("jdbc:h2:mem:listeners_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                "sa", "");
    }
}
