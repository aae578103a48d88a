-- Decisions about a center's date are serialised on its time_off_quota_day row. A lock alone (SELECT ... FOR UPDATE)
-- holds only on the node that takes it: Galera certifies the rows a transaction writes, so two approvals of the
-- last slot on two nodes would both commit. Each decision now writes the row (counts itself), so they conflict.
ALTER TABLE time_off_quota_day ADD COLUMN decisions BIGINT NOT NULL DEFAULT 0;
