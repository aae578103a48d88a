-- What the audit page shows in the reader's language: an event's detail as a message code and its arguments (JSON,
-- as job_run.failure_args). Events recorded before keep only their English text in detail, which is shown as it is:
-- nothing is left to translate it from. Arguments are bounded when written (texts and lists cut), well inside
-- MEDIUMTEXT, so that no audited change fails on its audit row.
ALTER TABLE audit_event ADD COLUMN detail_code VARCHAR(80) NULL;
ALTER TABLE audit_event ADD COLUMN detail_args MEDIUMTEXT NULL;
