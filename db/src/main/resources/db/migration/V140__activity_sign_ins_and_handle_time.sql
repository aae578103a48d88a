-- Optional activity columns (reports.md): sign-ins of the agent-day and its handled (talk + wrap) time, when the
-- phone system sends them. NULL means "not sent", so reports say "not available" rather than guess.
ALTER TABLE agent_activity ADD COLUMN sign_ins INT NULL;
ALTER TABLE agent_activity ADD COLUMN handle_seconds INT NULL;
ALTER TABLE agent_activity ADD CONSTRAINT ck_agent_activity_optional
  CHECK ((sign_ins IS NULL OR sign_ins >= 0) AND (handle_seconds IS NULL OR (handle_seconds >= 0 AND handle_seconds <= logged_seconds)));
