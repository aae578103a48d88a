-- What a run's page shows in the reader's language: why it failed as a message code and its arguments (JSON; with
-- item failures, how many and the first), and its business dates as first, last and how many. error and dates keep
-- the English texts for API clients; runs stored before have only those.
ALTER TABLE job_run ADD COLUMN failure_code VARCHAR(80) NULL;
ALTER TABLE job_run ADD COLUMN failure_args TEXT NULL;
ALTER TABLE job_run ADD COLUMN first_date DATE NULL;
ALTER TABLE job_run ADD COLUMN last_date DATE NULL;
ALTER TABLE job_run ADD COLUMN date_count INT NULL;
