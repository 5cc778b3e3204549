-- Listeners and what they do. Times are epoch milliseconds (BIGINT) so H2 and PostgreSQL agree exactly.
-- No foreign keys: a batch of events inserts without per-row lookups, and deleting a listener removes
-- their rows from every table in one transaction (JdbcListenerStore.deleteUser).
CREATE TABLE listeners (
    id             VARCHAR(128) PRIMARY KEY,
    created_at     BIGINT NOT NULL,
    first_event_at BIGINT,
    event_count    BIGINT NOT NULL DEFAULT 0
);

-- Every accepted event. event_key is the de-duplication key (the first 128 bits of SHA-256 over user and
-- idempotency key, or over the event's content), so a retried batch inserts nothing twice.
CREATE TABLE listening_events (
    event_key         UUID PRIMARY KEY,
    user_id           VARCHAR(128) NOT NULL,
    track_id          VARCHAR(64) NOT NULL,
    event_type        SMALLINT NOT NULL,
    occurred_at       BIGINT NOT NULL,
    ms_played         BIGINT NOT NULL,
    recommendation_id VARCHAR(128),
    received_at       BIGINT NOT NULL
);
CREATE INDEX listening_events_user ON listening_events (user_id, occurred_at);

-- Per listener and track, kept up to date by each accepted event (an upsert, never a recount).
-- play_score is the time-decayed play count on a fixed reference scale (PlayDecay).
CREATE TABLE listening_history (
    user_id       VARCHAR(128) NOT NULL,
    track_id      VARCHAR(64) NOT NULL,
    play_score    DOUBLE PRECISION NOT NULL,
    plays         DOUBLE PRECISION NOT NULL,
    skips         INTEGER NOT NULL,
    likes         INTEGER NOT NULL,
    saves         INTEGER NOT NULL,
    dislikes      INTEGER NOT NULL,
    last_event_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, track_id)
);
CREATE INDEX listening_history_score ON listening_history (user_id, play_score);

CREATE TABLE personality_profiles (
    user_id           VARCHAR(128) PRIMARY KEY,
    openness          DOUBLE PRECISION NOT NULL,
    conscientiousness DOUBLE PRECISION NOT NULL,
    extraversion      DOUBLE PRECISION NOT NULL,
    agreeableness     DOUBLE PRECISION NOT NULL,
    neuroticism       DOUBLE PRECISION NOT NULL,
    source            VARCHAR(32) NOT NULL,
    updated_at        BIGINT NOT NULL
);

-- Served session recommendations (the answer as JSON), so events can refer to them by id.
CREATE TABLE session_recommendations (
    id         VARCHAR(64) PRIMARY KEY,
    user_id    VARCHAR(128) NOT NULL,
    created_at BIGINT NOT NULL,
    payload    TEXT NOT NULL
);
CREATE INDEX session_recommendations_user ON session_recommendations (user_id, created_at);
