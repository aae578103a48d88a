-- Columns as wide as the inputs the service accepts, so that a valid request is stored instead of failing (500).

-- A ledger reference is its prefix and the whole reason (the API's English reference): "corrects entry <id>: " and
-- a reason of 500 characters is the longest, 536.
ALTER TABLE ledger_entry MODIFY reference VARCHAR(600) NULL;

-- An actor is "user:" and a username of up to 64 characters, as ledger_entry.actor already holds.
ALTER TABLE audit_event MODIFY actor VARCHAR(80) NOT NULL;
ALTER TABLE center_settings MODIFY created_by VARCHAR(80) NOT NULL;
ALTER TABLE contact_history MODIFY imported_by VARCHAR(80) NOT NULL;
ALTER TABLE forecast_calendar_day MODIFY updated_by VARCHAR(80) NOT NULL;
ALTER TABLE backtest MODIFY created_by VARCHAR(80) NOT NULL;
ALTER TABLE forecast MODIFY created_by VARCHAR(80) NOT NULL;
