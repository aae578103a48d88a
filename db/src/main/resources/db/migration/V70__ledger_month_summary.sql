-- The ledger summed per account, month (of the business date), flow and whether the entries are reversals, written
-- in the same transaction as the entries it sums: the month's balance sheet of a large center reads these rows
-- instead of every entry. A reversal counts under the flow of the entry it reverses (corrections shown against
-- the flow they correct), so opening + Σ seconds of a month = closing, exactly as Σ of the entries.
CREATE TABLE ledger_month_summary (
  agent_id    BIGINT      NOT NULL,
  month_start DATE        NOT NULL,
  flow        VARCHAR(24) NOT NULL,
  reversal    BOOLEAN     NOT NULL,
  seconds     BIGINT      NOT NULL,
  entries     INT         NOT NULL,
  PRIMARY KEY (agent_id, month_start, flow, reversal),
  CONSTRAINT fk_ledger_month_summary_account FOREIGN KEY (agent_id) REFERENCES timebank_account (agent_id)
) ENGINE=InnoDB;

/* [jooq ignore start] */
-- Back-fill from the entries already posted (a reversal of a reversal counts under the flow reversed first).
INSERT INTO ledger_month_summary (agent_id, month_start, flow, reversal, seconds, entries)
SELECT e.agent_id,
       DATE_SUB(e.business_date, INTERVAL DAYOFMONTH(e.business_date) - 1 DAY),
       CASE WHEN e.kind <> 'REVERSAL' THEN e.kind
            WHEN r.kind <> 'REVERSAL' THEN r.kind
            ELSE COALESCE(rr.kind, 'REVERSAL') END,
       e.kind = 'REVERSAL',
       SUM(e.seconds),
       COUNT(*)
FROM ledger_entry e
LEFT JOIN ledger_entry r ON r.id = e.reverses_entry_id
LEFT JOIN ledger_entry rr ON rr.id = r.reverses_entry_id
GROUP BY 1, 2, 3, 4;
/* [jooq ignore stop] */
