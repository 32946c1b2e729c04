-- Schema version 3: the number of WAITING trials on the study's row. Starting a trial decides
-- between a new trial and a waiting one, and checks the budget, from that row alone: the statement
-- that locks the row (and moves its counters on) sees it as the previous holder of the lock left it.

ALTER TABLE studies ADD COLUMN waiting_count INTEGER DEFAULT 0 NOT NULL;

UPDATE studies SET waiting_count = (
    SELECT COUNT(*)
    FROM trials t
    WHERE t.study_id = studies.study_id AND t.state = 'WAITING');
