-- A run beats while it works; a RUNNING run whose beat stopped was on an instance that died and is ABANDONED.
ALTER TABLE job_run ADD COLUMN heartbeat_at DATETIME(3) NULL;
ALTER TABLE job_run DROP CONSTRAINT ck_job_run_status;
ALTER TABLE job_run ADD CONSTRAINT ck_job_run_status CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED'));
CREATE INDEX ix_job_run_status ON job_run (status);
