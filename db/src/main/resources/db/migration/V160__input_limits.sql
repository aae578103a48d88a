-- Columns as wide as the inputs the service accepts, so that a valid request is stored instead of failing (500).

-- A ledger reference is its prefix and the whole reason (the API's English reference): "corrects entry <id>: " and
-- a reason of 500 characters is the longest, 536.
ALTER TABLE ledger_entry MODIFY reference VARCHAR(600) NULL;

-- Keys made from a client's Idempotency-Key keep their format (a re-run must find what it posted):
-- MOVEIN:user:<username, 64>:<key, 255> is the longest, 332. 400 utf8mb4 characters stay well inside InnoDB's
-- 3,072 bytes of a unique index. Reservations take no client key (TIMEOFF:<request id>).
ALTER TABLE ledger_entry MODIFY idempotency_key VARCHAR(400) NOT NULL;

-- An actor is "user:" and a username of up to 64 characters, as ledger_entry.actor already holds.
ALTER TABLE audit_event MODIFY actor VARCHAR(80) NOT NULL;
ALTER TABLE center_settings MODIFY created_by VARCHAR(80) NOT NULL;
ALTER TABLE contact_history MODIFY imported_by VARCHAR(80) NOT NULL;
ALTER TABLE forecast_calendar_day MODIFY updated_by VARCHAR(80) NOT NULL;
ALTER TABLE backtest MODIFY created_by VARCHAR(80) NOT NULL;
ALTER TABLE forecast MODIFY created_by VARCHAR(80) NOT NULL;

-- A re-solve may reopen up to 10,000 agents (RosterService.MAX_REOPENED_AGENTS), their employee numbers (up to 32
-- characters) joined by commas.
ALTER TABLE roster MODIFY reopened_agents MEDIUMTEXT NULL;
