-- PostgreSQL only (Database adds db/postgresql to Flyway's locations for PostgreSQL URLs; H2 has no row-level
-- security). Common migrations after this one start at V8.
--
-- Row-level security on every per-listener table. The server's role owns the tables (it runs these migrations) and
-- so is not subject to the policies: it serves every listener. The role mixtape_listener is for listener-scoped
-- access (a per-listener connection, a tool acting for one listener): after
--   SET ROLE mixtape_listener; SET mixtape.listener = '<listener id>';
-- it reads, writes and deletes only that listener's rows; without the setting it sees none.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mixtape_listener') THEN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
            CREATE ROLE mixtape_listener NOLOGIN;
        ELSE
            RAISE NOTICE 'role mixtape_listener not created (% may not create roles); a DBA can create it and grant it as docs/LISTENERS.md says', current_user;
        END IF;
    END IF;
END
$$;

ALTER TABLE listeners ENABLE ROW LEVEL SECURITY;
CREATE POLICY listener_own_rows ON listeners
    USING (id = current_setting('mixtape.listener', true))
    WITH CHECK (id = current_setting('mixtape.listener', true));

ALTER TABLE listening_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY listener_own_rows ON listening_events
    USING (user_id = current_setting('mixtape.listener', true))
    WITH CHECK (user_id = current_setting('mixtape.listener', true));

ALTER TABLE listening_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY listener_own_rows ON listening_history
    USING (user_id = current_setting('mixtape.listener', true))
    WITH CHECK (user_id = current_setting('mixtape.listener', true));

ALTER TABLE personality_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY listener_own_rows ON personality_profiles
    USING (user_id = current_setting('mixtape.listener', true))
    WITH CHECK (user_id = current_setting('mixtape.listener', true));

ALTER TABLE session_recommendations ENABLE ROW LEVEL SECURITY;
CREATE POLICY listener_own_rows ON session_recommendations
    USING (user_id = current_setting('mixtape.listener', true))
    WITH CHECK (user_id = current_setting('mixtape.listener', true));

ALTER TABLE experiment_impressions ENABLE ROW LEVEL SECURITY;
CREATE POLICY listener_own_rows ON experiment_impressions
    USING (user_id = current_setting('mixtape.listener', true))
    WITH CHECK (user_id = current_setting('mixtape.listener', true));

ALTER TABLE spotify_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY listener_own_rows ON spotify_links
    USING (user_id = current_setting('mixtape.listener', true))
    WITH CHECK (user_id = current_setting('mixtape.listener', true));

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mixtape_listener') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO mixtape_listener', current_schema());
        GRANT SELECT, INSERT, UPDATE, DELETE ON listeners, listening_events, listening_history, personality_profiles,
            session_recommendations, experiment_impressions, spotify_links TO mixtape_listener;
    END IF;
END
$$;
