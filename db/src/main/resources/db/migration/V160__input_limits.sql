-- Columns as wide as the inputs the service accepts, so that a valid request is stored instead of failing (500).

-- A ledger reference is its prefix and the whole reason (the API's English reference): "corrects entry <id>: " and
-- a reason of 500 characters is the longest, 536.
ALTER TABLE ledger_entry MODIFY reference VARCHAR(600) NULL;
