-- A/B experiments: the definition, its variants in order (the first is the control), and one row per
-- answer served under it (an impression). Outcomes are the events that name the impression's
-- recommendation id.
CREATE TABLE experiments (
    name       VARCHAR(100) PRIMARY KEY,
    starts_at  BIGINT,
    ends_at    BIGINT,
    created_at BIGINT NOT NULL
);

CREATE TABLE experiment_variants (
    experiment VARCHAR(100) NOT NULL,
    position   INTEGER NOT NULL,
    name       VARCHAR(100) NOT NULL,
    strategy   VARCHAR(40) NOT NULL,
    weight     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (experiment, position)
);

CREATE TABLE experiment_impressions (
    recommendation_id VARCHAR(64) PRIMARY KEY,
    experiment        VARCHAR(100) NOT NULL,
    variant           VARCHAR(100) NOT NULL,
    user_id           VARCHAR(128) NOT NULL,
    created_at        BIGINT NOT NULL
);
CREATE INDEX experiment_impressions_experiment ON experiment_impressions (experiment, variant);
CREATE INDEX experiment_impressions_user ON experiment_impressions (user_id);
CREATE INDEX listening_events_recommendation ON listening_events (recommendation_id);
