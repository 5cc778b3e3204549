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
    static final int SAVE = 2;
    static final int LIKE = 3;

    private final DataSource ds;

    public JdbcExperimentStore(DataSource ds) {
        this.ds = ds;
    }

    /** Stores a new experiment; false when one of that name exists (nothing is changed). */
    public boolean create(Experiment e) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM experiments WHERE name = ?")) {
                    check.setString(1, e.name());
                    try (ResultSet rs = check.executeQuery()) {
                        if (rs.next()) {
                            c.rollback();
                            return false;
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
                c.commit();
                return true;
            } catch (SQLException ex) {
                c.rollback();
                if ("23505".equals(ex.getSQLState())) {
                    return false;
                }
                throw ex;
            }
        } catch (SQLException ex) {
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

    public void logImpression(String recommendationId, String experiment, String variant, String userId, Instant at) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO experiment_impressions (recommendation_id, experiment, variant, "
                     + "user_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, recommendationId);
            ps.setString(2, experiment);
            ps.setString(3, variant);
            ps.setString(4, userId);
            ps.setLong(5, at.toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreUnavailableException("cannot log an impression of " + experiment + ": " + ex.getMessage(), ex);
        }
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
