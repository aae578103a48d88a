-- The center's standard paid day (reports.md: the outstanding balance in agent-days divides by it). Existing rows
-- keep the 8 h the balance sheet used before.
ALTER TABLE center_settings ADD COLUMN standard_day_minutes INT NOT NULL DEFAULT 480;
