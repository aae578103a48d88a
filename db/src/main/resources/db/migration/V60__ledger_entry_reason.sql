-- A ledger entry's reason as a message code and its arguments (JSON), so pages render it in the reader's
-- language; the English reference stays for API clients. Older entries keep only their reference text.
ALTER TABLE ledger_entry ADD COLUMN reason_code VARCHAR(80) NULL;
ALTER TABLE ledger_entry ADD COLUMN reason_args TEXT NULL;
