package dev.mixtape.storage.jdbc;

import java.util.UUID;

/** {@link JdbcCatalogStoreContractTest} on an in-memory H2 database, a new one per test. */
class JdbcCatalogStoreH2Test extends JdbcCatalogStoreContractTest {
    @Override
    protected Database openFreshDatabase() {
        return Database.open("jdbc:h2:mem:catalog_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                "sa", "");
    }
}
