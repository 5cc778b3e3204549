-- A listener's link to their Spotify account, kept for the re-import of their top lists every few hours
-- (SpotifyTopRefresher). The refresh token is stored as Spotify issued it: protect the database as you would the
-- tokens. next_import_at is null once Spotify refused the refresh token (the link stays, with last_error, until the
-- listener links again or unlinks). Deleting a listener deletes their link (JdbcListenerStore.deleteUser).
CREATE TABLE spotify_links (
    user_id        VARCHAR(128) PRIMARY KEY,
    refresh_token  VARCHAR(2048) NOT NULL,
    linked_at      BIGINT NOT NULL,
    next_import_at BIGINT,
    last_import_at BIGINT,
    last_error     VARCHAR(1024)
);
CREATE INDEX spotify_links_due ON spotify_links (next_import_at);
