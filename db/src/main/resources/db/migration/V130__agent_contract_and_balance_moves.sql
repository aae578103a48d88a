-- Contracts per agent with the date each takes effect: a roster week uses the contract valid on its first day.
-- The agent row keeps the contract entered last for lists; the history is the reference for any date.
CREATE TABLE agent_contract (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id            BIGINT       NOT NULL,
  effective_from      DATE         NOT NULL,
  weekly_min_minutes  INT          NOT NULL,
  weekly_max_minutes  INT          NOT NULL,
  created_by          VARCHAR(100) NOT NULL,
  created_at          DATETIME(3)  NOT NULL,
  CONSTRAINT uq_agent_contract_from UNIQUE (agent_id, effective_from),
  CONSTRAINT fk_agent_contract_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_agent_contract_minutes CHECK (weekly_min_minutes >= 0 AND weekly_max_minutes >= weekly_min_minutes)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A disabled agent's balance paid out, or moved to another agent (one entry out, one entry in).
ALTER TABLE ledger_entry DROP CONSTRAINT ck_ledger_entry_kind;
ALTER TABLE ledger_entry ADD CONSTRAINT ck_ledger_entry_kind CHECK (kind IN ('AUX_SAVING', 'AUX_OVERDRAFT',
  'EMERGENCY_OVERTIME', 'TIME_BONUS', 'LEAVE_OFFSET', 'TIME_OFF', 'REVERSAL', 'PAYOUT', 'TRANSFER_OUT', 'TRANSFER_IN'));
