-- No query reads entries by kind and date (statements read by agent and date): the index only made every
-- posting dearer, which nightly settlement pays a hundred thousand times a night.
DROP INDEX ix_ledger_entry_kind_date ON ledger_entry;
