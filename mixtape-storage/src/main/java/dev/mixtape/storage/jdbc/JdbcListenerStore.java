package dev.mixtape.storage.jdbc;

import dev.mixtape.core.listener.EventType;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.core.listener.ListeningEvent;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.core.listener.Traits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link ListenerStore} over JDBC: the embedded H2 database or PostgreSQL, with the V3 migration's
 * tables. A batch of events is one transaction: known keys are looked up, new events are inserted with a
 * JDBC batch, and the listener rows and history rows the batch touches are upserted once each, adding
 * the batch's counts to the stored ones (how differs by database: {@link SqlDialect}). When a concurrent batch
 * inserts the same key first, the transaction is retried, so a key is never counted twice. Connections,
 * transactions, retries and the write lock are {@link Transactions}'; this class holds the SQL and the row mapping.
 */
public final class JdbcListenerStore implements ListenerStore {
    private static final int KEY_CHUNK = 500;

    private final Transactions tx;
    private final SqlDialect dialect;

    /** A store using at most 8 connections at once (the pool's size, see {@link Database}). */
    public JdbcListenerStore(DataSource ds) {
        this(ds, 8);
    }

    /**
     * @param maxConnections connections used at once: more concurrent requests queue here, fairly, for up to
     *                       {@value Transactions#QUEUE_SECONDS} s, so that under load they wait instead of failing on
     *                       the pool's short timeout (which stays short to notice a database that is down)
     */
    public JdbcListenerStore(DataSource ds, int maxConnections) {
        this.tx = new Transactions(ds, maxConnections);
        this.dialect = tx.dialect();
    }

    @Override
    public Created createUser(String id, Instant createdAt) {
        // a concurrent create of the same id fails the insert with a unique violation: the next attempt finds its row
        return Transactions.retried(Transactions::isUniqueViolation, () -> user(id).map(l -> new Created(l, false))
                .orElseGet(() -> tx.write("cannot create listener " + id, c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO listeners (id, created_at, event_count) VALUES (?, ?, 0)")) {
                        ps.setString(1, id);
                        ps.setLong(2, createdAt.toEpochMilli());
                        ps.executeUpdate();
                    }
                    return new Created(new Listener(id, Instant.ofEpochMilli(createdAt.toEpochMilli()), null, 0), true);
                })));
    }

    @Override
    public Optional<Listener> user(String id) {
        return tx.read("cannot read listener " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at, first_event_at, event_count FROM listeners WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long first = rs.getLong(2);
                    Instant firstAt = rs.wasNull() ? null : Instant.ofEpochMilli(first);
                    return Optional.of(new Listener(id, Instant.ofEpochMilli(rs.getLong(1)), firstAt, rs.getLong(3)));
                }
            }
        });
    }

    @Override
    public boolean deleteUser(String id) {
        return tx.inTransaction("cannot delete listener " + id, c -> {
            int n = 0;
            for (String sql : new String[] {
                "DELETE FROM listening_events WHERE user_id = ?",
                "DELETE FROM listening_history WHERE user_id = ?",
                "DELETE FROM personality_profiles WHERE user_id = ?",
                "DELETE FROM session_recommendations WHERE user_id = ?",
                "DELETE FROM experiment_impressions WHERE user_id = ?",
                "DELETE FROM spotify_links WHERE user_id = ?",
                "DELETE FROM listeners WHERE id = ?"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, id);
                    n = ps.executeUpdate();
                }
            }
            return n > 0;
        });
    }

    @Override
    public boolean[] append(List<ListeningEvent> events, double[] plays, Instant now) {
        if (events.isEmpty()) {
            return new boolean[0];
        }
        return tx.serialised("cannot store " + events.size() + " events", c -> appendIn(c, events, plays, now));
    }

    private boolean[] appendIn(Connection c, List<ListeningEvent> events, double[] plays, Instant now) throws SQLException {
        Set<String> known = knownKeys(c, events);
        boolean[] inserted = new boolean[events.size()];
        // sorted, so concurrent batches lock rows in one order and cannot deadlock
        Map<String, long[]> users = new java.util.TreeMap<>(); // id -> {count, first event}
        Map<String, Map<String, HistoryEntry>> rows = new java.util.TreeMap<>();
        long received = now.toEpochMilli();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO listening_events (event_key, user_id, track_id, event_type, "
                + "occurred_at, ms_played, recommendation_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                ListeningEvent e = events.get(i);
                if (!known.add(e.key())) {
                    continue;
                }
                inserted[i] = true;
                ps.setObject(1, UUID.fromString(e.key()));
                ps.setString(2, e.userId());
                ps.setString(3, e.trackId());
                ps.setShort(4, (short) e.type().ordinal());
                ps.setLong(5, e.timestamp().toEpochMilli());
                ps.setLong(6, e.msPlayed());
                if (e.recommendationId() == null) {
                    ps.setNull(7, Types.VARCHAR);
                } else {
                    ps.setString(7, e.recommendationId());
                }
                ps.setLong(8, received);
                ps.addBatch();
                long[] u = users.computeIfAbsent(e.userId(), k -> new long[] {0, Long.MAX_VALUE});
                u[0]++;
                u[1] = Math.min(u[1], e.timestamp().toEpochMilli());
                rows.computeIfAbsent(e.userId(), k -> new HashMap<>())
                        .merge(e.trackId(), HistoryEntry.of(e, plays[i]), HistoryEntry::plus);
            }
            if (users.isEmpty()) {
                return inserted;
            }
            ps.executeBatch();
        }
        dialect.addToListeners(c, users, received);
        upsertHistory(c, rows);
        return inserted;
    }

    private static Set<String> knownKeys(Connection c, List<ListeningEvent> events) throws SQLException {
        Set<String> known = new HashSet<>();
        List<String> keys = events.stream().map(ListeningEvent::key).distinct().toList();
        for (int from = 0; from < keys.size(); from += KEY_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEY_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT event_key FROM listening_events WHERE event_key IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setObject(i + 1, UUID.fromString(chunk.get(i)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getObject(1, UUID.class).toString());
                    }
                }
            }
        }
        return known;
    }

    private void upsertHistory(Connection c, Map<String, Map<String, HistoryEntry>> rows) throws SQLException {
        List<String> users = new ArrayList<>();
        List<HistoryEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Map<String, HistoryEntry>> u : rows.entrySet()) {
            // a stable order of rows keeps concurrent batches from deadlocking on each other's locks
            List<HistoryEntry> mine = new ArrayList<>(u.getValue().values());
            mine.sort(java.util.Comparator.comparing(HistoryEntry::trackId));
            for (HistoryEntry h : mine) {
                users.add(u.getKey());
                entries.add(h);
            }
        }
        dialect.addToHistory(c, users, entries);
    }

    @Override
    public List<HistoryEntry> history(String userId, int limit) {
        return tx.read("cannot read the history of " + userId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT track_id, play_score, plays, skips, likes, saves, dislikes, "
                    + "last_event_at FROM listening_history WHERE user_id = ? ORDER BY play_score DESC, track_id LIMIT ?")) {
                ps.setString(1, userId);
                ps.setInt(2, limit);
                List<HistoryEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistoryEntry(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5),
                                rs.getInt(6), rs.getInt(7), Instant.ofEpochMilli(rs.getLong(8))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void scanHistories(HistoryVisitor visitor) {
        tx.readInTransaction("cannot read the listening histories", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, track_id, play_score, plays, skips, likes, saves, "
                    + "dislikes, last_event_at FROM listening_history ORDER BY user_id")) {
                ps.setFetchSize(10_000);
                String current = null;
                List<HistoryEntry> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String user = rs.getString(1);
                        if (current != null && !current.equals(user)) {
                            visitor.listener(current, List.copyOf(rows));
                            rows.clear();
                        }
                        current = user;
                        rows.add(new HistoryEntry(rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getInt(5), rs.getInt(6),
                                rs.getInt(7), rs.getInt(8), Instant.ofEpochMilli(rs.getLong(9))));
                    }
                }
                if (current != null) {
                    visitor.listener(current, List.copyOf(rows));
                }
            }
            return null;
        });
    }

    @Override
    public EventStats eventStats() {
        return tx.read("cannot count the events", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MAX(received_at) FROM listening_events");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                long last = rs.getLong(2);
                return new EventStats(n, rs.wasNull() ? null : Instant.ofEpochMilli(last));
            }
        });
    }

    @Override
    public void putPersonality(String userId, PersonalityProfile p) {
        tx.inTransaction("cannot store the personality of " + userId, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM personality_profiles WHERE user_id = ?")) {
                del.setString(1, userId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO personality_profiles (user_id, openness, "
                    + "conscientiousness, extraversion, agreeableness, neuroticism, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, userId);
                double[] t = p.traits().toArray();
                for (int i = 0; i < t.length; i++) {
                    ps.setDouble(2 + i, t[i]);
                }
                ps.setString(7, p.source());
                ps.setLong(8, p.updatedAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<PersonalityProfile> personality(String userId) {
        return tx.read("cannot read the personality of " + userId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT openness, conscientiousness, extraversion, agreeableness, "
                    + "neuroticism, source, updated_at FROM personality_profiles WHERE user_id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Traits t = new Traits(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
                    return Optional.of(new PersonalityProfile(t, rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
        });
    }

    @Override
    public void events(String userId, java.util.function.Consumer<ListeningEvent> sink) {
        tx.readInTransaction("cannot read the events of " + userId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT track_id, event_type, occurred_at, ms_played, recommendation_id, "
                    + "event_key FROM listening_events WHERE user_id = ? ORDER BY occurred_at, received_at, event_key")) {
                ps.setFetchSize(10_000);
                ps.setString(1, userId);
                EventType[] types = EventType.values();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new ListeningEvent(userId, rs.getString(1), types[rs.getShort(2)], Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getLong(4), rs.getString(5), rs.getObject(6, UUID.class).toString()));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void sessions(String userId, java.util.function.Consumer<SessionRecord> sink) {
        tx.readInTransaction("cannot read the sessions of " + userId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at, payload FROM session_recommendations "
                    + "WHERE user_id = ? ORDER BY created_at, id")) {
                ps.setFetchSize(1_000);
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new SessionRecord(rs.getString(1), userId, Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void saveSession(String sessionId, String userId, Instant createdAt, String payloadJson) {
        tx.write("cannot store session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO session_recommendations (id, user_id, created_at, payload) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, sessionId);
                ps.setString(2, userId);
                ps.setLong(3, createdAt.toEpochMilli());
                ps.setString(4, payloadJson);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void saveSessions(List<SessionRecord> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        tx.inTransaction("cannot store " + sessions.size() + " sessions", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_recommendations (id, user_id, created_at, payload) "
                    + "SELECT ?, ?, ?, ? FROM listeners WHERE id = ?")) {
                for (SessionRecord r : sessions) {
                    ps.setString(1, r.sessionId());
                    ps.setString(2, r.userId());
                    ps.setLong(3, r.createdAt().toEpochMilli());
                    ps.setString(4, r.payloadJson());
                    ps.setString(5, r.userId());
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    @Override
    public Optional<String> session(String sessionId) {
        return tx.read("cannot read session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM session_recommendations WHERE id = ?")) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
