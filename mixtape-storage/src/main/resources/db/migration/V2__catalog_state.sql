-- One row describing the stored catalog, rewritten by every import that changes it, so a server can
-- name its catalog snapshot without scanning the tracks table.
CREATE TABLE catalog_state (
    id          INTEGER PRIMARY KEY,
    tracks      INTEGER NOT NULL,
    fingerprint VARCHAR(200) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
