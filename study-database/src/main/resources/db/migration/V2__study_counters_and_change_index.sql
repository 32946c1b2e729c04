-- Schema version 2: constant-time trial numbering, incremental reads that use an index, and
-- study summaries that do not scan every trial.

-- the number of trials in the study; read under the study row's lock it is the next trial's
-- number (counting the trials instead costs time in proportion to the study's size)
ALTER TABLE studies ADD COLUMN trial_count INTEGER DEFAULT 0 NOT NULL;

UPDATE studies SET trial_count = (SELECT COUNT(*) FROM trials t WHERE t.study_id = studies.study_id);

-- the latest trial start or end in the study, kept up to date by the writes that set those times
ALTER TABLE studies ADD COLUMN last_activity TIMESTAMP;

UPDATE studies SET last_activity = (
    SELECT MAX(COALESCE(t.datetime_complete, t.datetime_start))
    FROM trials t
    WHERE t.study_id = studies.study_id);

-- trialsChangedSince reads "WHERE study_id = ? AND change_seq > ?": an index range, not a scan
CREATE INDEX ix_trials_study_change ON trials (study_id, change_seq);
