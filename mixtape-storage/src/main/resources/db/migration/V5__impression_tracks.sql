-- How many tracks an answer showed, so that auto's bandit can rate an arm by positive tracks per track shown.
-- Impressions stored before this migration count 0 tracks.
ALTER TABLE experiment_impressions ADD COLUMN tracks INTEGER DEFAULT 0 NOT NULL;
