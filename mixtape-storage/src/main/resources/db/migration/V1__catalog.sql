-- Catalog tables. Portable SQL: runs on H2 2.x and PostgreSQL 15+.
CREATE TABLE artists (
    artist_id VARCHAR(64) PRIMARY KEY,
    name      VARCHAR(1000) NOT NULL
);

CREATE TABLE albums (
    album_id VARCHAR(64) PRIMARY KEY,
    name     VARCHAR(1000) NOT NULL
);

CREATE TABLE tracks (
    track_id         VARCHAR(64) PRIMARY KEY,
    name             VARCHAR(1000) NOT NULL,
    album_id         VARCHAR(64) NOT NULL REFERENCES albums (album_id),
    duration_ms      INTEGER NOT NULL,
    explicit         BOOLEAN NOT NULL,
    popularity       SMALLINT NOT NULL,
    acousticness     REAL NOT NULL,
    danceability     REAL NOT NULL,
    energy           REAL NOT NULL,
    instrumentalness REAL NOT NULL,
    liveness         REAL NOT NULL,
    speechiness      REAL NOT NULL,
    valence          REAL NOT NULL,
    pitch_key        SMALLINT NOT NULL,
    modality         SMALLINT NOT NULL,
    loudness         REAL NOT NULL,
    tempo            REAL NOT NULL,
    time_signature   SMALLINT NOT NULL,
    content_hash     BIGINT NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE track_artists (
    track_id  VARCHAR(64) NOT NULL REFERENCES tracks (track_id) ON DELETE CASCADE,
    ord       SMALLINT NOT NULL,
    artist_id VARCHAR(64) NOT NULL REFERENCES artists (artist_id),
    PRIMARY KEY (track_id, ord)
);
CREATE INDEX track_artists_by_artist ON track_artists (artist_id);

CREATE TABLE track_genres (
    track_id VARCHAR(64) NOT NULL REFERENCES tracks (track_id) ON DELETE CASCADE,
    genre    VARCHAR(100) NOT NULL,
    PRIMARY KEY (track_id, genre)
);
CREATE INDEX track_genres_by_genre ON track_genres (genre);
