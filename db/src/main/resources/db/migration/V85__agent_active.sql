-- A disabled agent keeps their ledger, history and past rosters but is left out of new rosters.
ALTER TABLE agent ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
