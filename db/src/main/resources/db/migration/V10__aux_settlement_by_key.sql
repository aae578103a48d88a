-- Settlement no longer reads back the ids of the entries it posts (one query per batch less): the entry that
-- settled an agent-day is found by its idempotency key AUX:<agent>:<date>:r<revision> when a correction reverses it.
ALTER TABLE aux_settlement DROP COLUMN entry_id;
