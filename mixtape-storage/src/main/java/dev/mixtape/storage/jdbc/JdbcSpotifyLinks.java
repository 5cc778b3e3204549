package dev.mixtape.storage.jdbc;

import dev.mixtape.core.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Listeners' Spotify links over JDBC (migration V6): the refresh token that lets the server re-import their top lists,
 * when the next import is due, and how the last one went. Portable SQL (an update, then an insert when it changed
 * nothing), the same on H2 and PostgreSQL. Thread-safe.
 */
public final class JdbcSpotifyLinks {
    /** One link. {@code nextImportAt} is null once Spotify refused the refresh token. */
    public record Link(String userId, String refreshToken, Instant linkedAt, Instant nextImportAt, Instant lastImportAt,
                       String lastError) {
        @Override
        public String toString() {
            return "Link[" + userId + ", next " + nextImportAt + ", last " + lastImportAt + ", error " + lastError + "]"; // no token
        }
    }

    private final DataSource ds;

    public JdbcSpotifyLinks(DataSource ds) {
        this.ds = ds;
    }

    /** Links (or re-links) the listener: the token replaces any earlier one, the error is cleared, the next import is due at {@code next}. */
    public void link(String userId, String refreshToken, Instant now, Instant next) {
        try {
            Transactions.inTransaction(ds, c -> {
                int n;
                try (PreparedStatement ps = c.prepareStatement("UPDATE spotify_links SET refresh_token = ?, linked_at = ?, next_import_at = ?, "
                        + "last_error = NULL WHERE user_id = ?")) {
                    ps.setString(1, refreshToken);
                    ps.setLong(2, now.toEpochMilli());
                    ps.setLong(3, next.toEpochMilli());
                    ps.setString(4, userId);
                    n = ps.executeUpdate();
                }
                if (n == 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO spotify_links (user_id, refresh_token, linked_at, next_import_at) "
                            + "VALUES (?, ?, ?, ?)")) {
                        ps.setString(1, userId);
                        ps.setString(2, refreshToken);
                        ps.setLong(3, now.toEpochMilli());
                        ps.setLong(4, next.toEpochMilli());
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure("cannot link listener " + userId + " to Spotify", e);
        }
    }

    public Optional<Link> get(String userId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM spotify_links WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(link(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read the Spotify link of " + userId, e);
        }
    }

    /** Up to {@code limit} links whose next import is due at {@code now}, the most overdue first. */
    public List<Link> due(Instant now, int limit) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM spotify_links WHERE next_import_at <= ? "
                     + "ORDER BY next_import_at, user_id")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setMaxRows(limit);
            List<Link> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(link(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read the Spotify links due", e);
        }
    }

    /**
     * Records an import: when it ran, when the next is due ({@code null}: none, the token was refused), the error (null
     * when it worked) and, when Spotify issued a new refresh token, that token.
     */
    public void imported(String userId, Instant at, Instant next, String error, String newRefreshToken) {
        String sql = "UPDATE spotify_links SET next_import_at = ?, last_error = ?"
                + (error == null ? ", last_import_at = ?" : "") + (newRefreshToken != null ? ", refresh_token = ?" : "") + " WHERE user_id = ?";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (next == null) {
                ps.setNull(i++, Types.BIGINT);
            } else {
                ps.setLong(i++, next.toEpochMilli());
            }
            ps.setString(i++, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
            if (error == null) {
                ps.setLong(i++, at.toEpochMilli());
            }
            if (newRefreshToken != null) {
                ps.setString(i++, newRefreshToken);
            }
            ps.setString(i, userId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot record the Spotify import of " + userId, e);
        }
    }

    /** Removes the link; false when there was none. */
    public boolean unlink(String userId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM spotify_links WHERE user_id = ?")) {
            ps.setString(1, userId);
            boolean removed = ps.executeUpdate() > 0;
            Database.flushCommitted(c);
            return removed;
        } catch (SQLException e) {
            throw failure("cannot unlink " + userId + " from Spotify", e);
        }
    }

    private static final String COLUMNS = "user_id, refresh_token, linked_at, next_import_at, last_import_at, last_error";

    private static Link link(ResultSet rs) throws SQLException {
        return new Link(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), instant(rs, 4), instant(rs, 5), rs.getString(6));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static StoreUnavailableException failure(String what, SQLException e) {
        return new StoreUnavailableException(what + ": " + e.getMessage(), e);
    }
}
