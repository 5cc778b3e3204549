package dev.mixtape.storage.listener;

import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcListenerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The JDBC half of the contract suite: counts rows straight from every table of the V3 migration. */
abstract class JdbcListenerStoreContract extends ListenerStoreContractTest {
    protected Database db;

    protected abstract Database openDatabase() throws Exception;

    protected void dropDatabase() throws Exception {}

    @Override
    protected ListenerStore openFresh() throws Exception {
        db = openDatabase();
        return new JdbcListenerStore(db.dataSource());
    }

    @Override
    protected void closeStore() throws Exception {
        if (db != null) {
            db.close();
        }
        dropDatabase();
    }

    @Override
    protected long rowsMentioning(String userId) throws Exception {
        long n = 0;
        try (Connection c = db.dataSource().getConnection()) {
            for (String sql : new String[] {
                "SELECT COUNT(*) FROM listeners WHERE id = ?",
                "SELECT COUNT(*) FROM listening_events WHERE user_id = ?",
                "SELECT COUNT(*) FROM listening_history WHERE user_id = ?",
                "SELECT COUNT(*) FROM personality_profiles WHERE user_id = ?",
                "SELECT COUNT(*) FROM session_recommendations WHERE user_id = ?",
                "SELECT COUNT(*) FROM experiment_impressions WHERE user_id = ?"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getLong(1);
                    }
                }
            }
        }
        return n;
    }
}
