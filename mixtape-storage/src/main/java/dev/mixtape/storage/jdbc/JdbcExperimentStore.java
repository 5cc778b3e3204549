package dev.mixtape.storage.jdbc;

import dev.mixtape.core.experiment.Experiment;
import dev.mixtape.core.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Experiments, their variants and impressions over JDBC (migration V4), and the outcome counts per variant. */
public final class JdbcExperimentStore {
    /** {@code EventType} ordinals, as stored in listening_events.event_type. */
    static final int PLAY = 0;
    static final int SAVE = 2;
    static final int LIKE = 3;

    private final DataSource ds;

    public JdbcExperimentStore(DataSource ds) {
        this.ds = ds;
    }

    /** Stores a new experiment; false when one of that name exists (nothing is changed). */
    public boolean create(Experiment e) {
        try {
            return Transactions.inTransaction(ds, c -> {
                try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM experiments WHERE name = ?")) {
                    check.setString(1, e.name());
                    try (ResultSet rs = check.executeQuery()) {
                        if (rs.next()) {
                            return false; // nothing written: the commit has nothing to commit
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiments (name, starts_at, ends_at, created_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, e.name());
                    setInstant(ps, 2, e.startsAt());
                    setInstant(ps, 3, e.endsAt());
                    ps.setLong(4, e.createdAt().toEpochMilli());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO experiment_variants (experiment, position, name, strategy, weight) VALUES (?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < e.variants().size(); i++) {
                        Experiment.Variant v = e.variants().get(i);
                        ps.setString(1, e.name());
                        ps.setInt(2, i);
                        ps.setString(3, v.name());
                        ps.setString(4, v.strategy());
                        ps.setDouble(5, v.weight());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return true;
            });
        } catch (SQLException ex) {
            if ("23505".equals(ex.getSQLState())) {
                return false; // a concurrent create of the same name committed first (rolled back)
            }
            throw new StoreUnavailableException("cannot store experiment " + e.name() + ": " + ex.getMessage(), ex);
        }
    }

    public Optional<Experiment> get(String name) {
        return list(name).stream().findFirst();
    }

    /** Every experiment, oldest first. */
    public List<Experiment> list() {
        return list(null);
    }

    private List<Experiment> list(String only) {
        String where = only == null ? "" : " WHERE e.name = ?";
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT e.name, e.starts_at, e.ends_at, e.created_at, v.name, v.strategy, v.weight "
                     + "FROM experiments e JOIN experiment_variants v ON v.experiment = e.name" + where
                     + " ORDER BY e.created_at, e.name, v.position")) {
            if (only != null) {
                ps.setString(1, only);
            }
            Map<String, Object[]> heads = new LinkedHashMap<>();
            Map<String, List<Experiment.Variant>> variants = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    heads.computeIfAbsent(name, n -> {
                        try {
                            return new Object[] {instant(rs, 2), instant(rs, 3), Instant.ofEpochMilli(rs.getLong(4))};
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    variants.computeIfAbsent(name, n -> new ArrayList<>())
                            .add(new Experiment.Variant(rs.getString(5), rs.getString(6), rs.getDouble(7)));
                }
            }
            List<Experiment> out = new ArrayList<>();
            heads.forEach((name, h) -> out.add(new Experiment(name, variants.get(name), (Instant) h[0], (Instant) h[1], (Instant) h[2])));
            return out;
        } catch (SQLException ex) {
            throw new StoreUnavailableException("cannot read experiments: " + ex.getMessage(), ex);
        }
    }

    /** One answer served under an experiment (or by auto's bandit): its id, variant, listener and how many tracks it showed. */
    public record Impression(String recommendationId, String experiment, String variant, String userId, int tracks, Instant at) {}

    public void logImpression(String recommendationId, String experiment, String variant, String userId, Instant at) {
        logImpressions(List.of(new Impression(recommendationId, experiment, variant, userId, 0, at)));
    }

    /** Stores the impressions in one transaction. */
    public void logImpressions(List<Impression> impressions) {
        if (impressions.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment_impressions (recommendation_id, experiment, variant, "
                    + "user_id, created_at, tracks) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Impression i : impressions) {
                    ps.setString(1, i.recommendationId());
                    ps.setString(2, i.experiment());
                    ps.setString(3, i.variant());
                    ps.setString(4, i.userId());
                    ps.setLong(5, i.at().toEpochMilli());
                    ps.setInt(6, i.tracks());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            throw new StoreUnavailableException("cannot log " + impressions.size() + " impression(s) of " + impressions.get(0).experiment()
                    + ": " + ex.getMessage(), ex);
        }
    }

    /** The listener's impressions, oldest first (for an export of what is kept about them). */
    public List<Impression> impressions(String userId) {
        List<Impression> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT recommendation_id, experiment, variant, tracks, created_at "
                     + "FROM experiment_impressions WHERE user_id = ? ORDER BY created_at, recommendation_id")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Impression(rs.getString(1), rs.getString(2), rs.getString(3), userId, rs.getInt(4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        } catch (SQLException ex) {
            throw new StoreUnavailableException("cannot read the impressions of " + userId + ": " + ex.getMessage(), ex);
        }
        return out;
    }

    /** One arm's outcomes: answers that got at least one outcome event, the tracks they showed, the tracks acted on positively. */
    public record ArmCounts(long answers, long shown, long positive) {}

    /**
     * Per experiment whose name starts with {@code prefix}, per variant, over impressions since {@code since}: the answers
     * with at least one outcome event (any event naming the recommendation), the tracks those answers showed, and
     * their distinct tracks liked, saved or played for {@code minPlayMs} or more.
     */
    public Map<String, Map<String, ArmCounts>> armCounts(String prefix, Instant since, long minPlayMs) {
        String engaged = "FROM experiment_impressions i WHERE i.experiment LIKE ? AND i.created_at >= ? "
                + "AND EXISTS (SELECT 1 FROM listening_events e WHERE e.recommendation_id = i.recommendation_id)";
        Map<String, Map<String, long[]>> acc = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT i.experiment, i.variant, COUNT(*), SUM(i.tracks) " + engaged
                    + " GROUP BY i.experiment, i.variant")) {
                ps.setString(1, like(prefix));
                ps.setLong(2, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] v = acc.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).computeIfAbsent(rs.getString(2), k -> new long[3]);
                        v[0] = rs.getLong(3);
                        v[1] = rs.getLong(4);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT i.experiment, i.variant, COUNT(DISTINCT CONCAT(e.recommendation_id, ' ', e.track_id)) "
                    + "FROM experiment_impressions i JOIN listening_events e ON e.recommendation_id = i.recommendation_id "
                    + "WHERE i.experiment LIKE ? AND i.created_at >= ? AND (e.event_type IN (" + SAVE + ", " + LIKE + ") "
                    + "OR (e.event_type = " + PLAY + " AND e.ms_played >= ?)) GROUP BY i.experiment, i.variant")) {
                ps.setString(1, like(prefix));
                ps.setLong(2, since.toEpochMilli());
                ps.setLong(3, minPlayMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        acc.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).computeIfAbsent(rs.getString(2), k -> new long[3])[2] = rs.getLong(3);
                    }
                }
            }
        } catch (SQLException ex) {
            throw new StoreUnavailableException("cannot count outcomes of " + prefix + "*: " + ex.getMessage(), ex);
        }
        Map<String, Map<String, ArmCounts>> out = new LinkedHashMap<>();
        acc.forEach((e, vs) -> {
            Map<String, ArmCounts> m = new LinkedHashMap<>();
            // positives are never more than the tracks shown (an event may name a track the answer did not show)
            vs.forEach((v, x) -> m.put(v, new ArmCounts(x[0], x[1], Math.min(x[2], x[1]))));
            out.put(e, m);
        });
        return out;
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Per variant: impressions, and how many of them got at least one save, at least one like. */
    public record Counts(long impressions, long saved, long liked) {}

    public Map<String, Counts> counts(String experiment) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT i.variant, COUNT(DISTINCT i.recommendation_id), "
                     + "COUNT(DISTINCT CASE WHEN e.event_type = " + SAVE + " THEN i.recommendation_id END), "
                     + "COUNT(DISTINCT CASE WHEN e.event_type = " + LIKE + " THEN i.recommendation_id END) "
                     + "FROM experiment_impressions i LEFT JOIN listening_events e ON e.recommendation_id = i.recommendation_id "
                     + "WHERE i.experiment = ? GROUP BY i.variant")) {
            ps.setString(1, experiment);
            Map<String, Counts> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreUnavailableException("cannot count outcomes of " + experiment + ": " + ex.getMessage(), ex);
        }
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
