-- The time bank: one account per agent, an append-only ledger, reservations (pending debits),
-- daily activity and what settlement made of it, emergencies, time bonuses and their monthly budget.

CREATE TABLE timebank_account (
  agent_id         BIGINT      NOT NULL PRIMARY KEY,
  balance_seconds  BIGINT      NOT NULL,
  reserved_seconds BIGINT      NOT NULL,
  updated_at       DATETIME(3) NOT NULL,
  CONSTRAINT fk_timebank_account_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  -- the invariants hold in the database too, whatever a bug in the service might attempt
  CONSTRAINT ck_timebank_account_balance CHECK (balance_seconds >= 0),
  CONSTRAINT ck_timebank_account_available CHECK (reserved_seconds >= 0 AND reserved_seconds <= balance_seconds)
) ENGINE=InnoDB;

CREATE TABLE ledger_entry (
  id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id              BIGINT       NOT NULL,
  business_date         DATE         NOT NULL,
  kind                  VARCHAR(24)  NOT NULL,
  seconds               BIGINT       NOT NULL,
  balance_after_seconds BIGINT       NOT NULL,
  actor                 VARCHAR(80)  NOT NULL,
  reference             VARCHAR(200) NULL,
  idempotency_key       VARCHAR(160) NOT NULL,
  reverses_entry_id     BIGINT       NULL,
  created_at            DATETIME(3)  NOT NULL,
  CONSTRAINT uq_ledger_entry_key UNIQUE (idempotency_key),
  CONSTRAINT fk_ledger_entry_account FOREIGN KEY (agent_id) REFERENCES timebank_account (agent_id),
  CONSTRAINT ck_ledger_entry_kind CHECK (kind IN ('AUX_SAVING', 'AUX_OVERDRAFT', 'EMERGENCY_OVERTIME', 'TIME_BONUS',
                                                  'LEAVE_OFFSET', 'TIME_OFF', 'REVERSAL')),
  CONSTRAINT ck_ledger_entry_balance CHECK (balance_after_seconds >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_ledger_entry_statement ON ledger_entry (agent_id, business_date, id);
CREATE INDEX ix_ledger_entry_kind_date ON ledger_entry (kind, business_date);

-- A pending debit: held at request time, posted as an entry on the day or released.
CREATE TABLE timebank_reservation (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id        BIGINT       NOT NULL,
  business_date   DATE         NOT NULL,
  seconds         BIGINT       NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  reference       VARCHAR(200) NOT NULL,
  idempotency_key VARCHAR(160) NOT NULL,
  entry_id        BIGINT       NULL,
  created_at      DATETIME(3)  NOT NULL,
  closed_at       DATETIME(3)  NULL,
  closed_by       VARCHAR(80)  NULL,
  CONSTRAINT uq_timebank_reservation_key UNIQUE (idempotency_key),
  CONSTRAINT fk_timebank_reservation_account FOREIGN KEY (agent_id) REFERENCES timebank_account (agent_id),
  CONSTRAINT ck_timebank_reservation_seconds CHECK (seconds > 0),
  CONSTRAINT ck_timebank_reservation_status CHECK (status IN ('HELD', 'POSTED', 'RELEASED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_timebank_reservation_agent ON timebank_reservation (agent_id, status);

-- Daily activity from the phone system; revision grows when a re-sent row changes the values.
CREATE TABLE agent_activity (
  agent_id       BIGINT      NOT NULL,
  business_date  DATE        NOT NULL,
  center_id      BIGINT      NOT NULL,
  logged_seconds INT         NOT NULL,
  aux_seconds    INT         NOT NULL,
  revision       INT         NOT NULL,
  imported_at    DATETIME(3) NOT NULL,
  imported_by    VARCHAR(80) NOT NULL,
  PRIMARY KEY (agent_id, business_date),
  CONSTRAINT fk_agent_activity_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_agent_activity_values CHECK (logged_seconds >= 0 AND logged_seconds <= 86400
                                             AND aux_seconds >= 0 AND aux_seconds <= logged_seconds)
) ENGINE=InnoDB;

CREATE INDEX ix_agent_activity_center_date ON agent_activity (center_id, business_date);

-- Which activity revision of an agent-day has been settled, and by which entry.
CREATE TABLE aux_settlement (
  agent_id      BIGINT      NOT NULL,
  business_date DATE        NOT NULL,
  center_id     BIGINT      NOT NULL,
  revision      INT         NOT NULL,
  entry_id      BIGINT      NULL,
  leave_seconds BIGINT      NOT NULL,
  settled_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (agent_id, business_date)
) ENGINE=InnoDB;

CREATE TABLE emergency (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  center_id     BIGINT        NOT NULL,
  emergency_level INT         NOT NULL,
  business_date DATE          NOT NULL,
  reason        VARCHAR(500)  NOT NULL,
  rate          DECIMAL(7,6)  NOT NULL,
  created_by    VARCHAR(80)   NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  CONSTRAINT fk_emergency_center FOREIGN KEY (center_id) REFERENCES center (id),
  CONSTRAINT ck_emergency_level CHECK (emergency_level >= 1 AND emergency_level <= 3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE emergency_participant (
  emergency_id     BIGINT      NOT NULL,
  agent_id         BIGINT      NOT NULL,
  worked_seconds   INT         NOT NULL,
  credited_seconds BIGINT      NOT NULL,
  entry_id         BIGINT      NOT NULL,
  created_by       VARCHAR(80) NOT NULL,
  created_at       DATETIME(3) NOT NULL,
  PRIMARY KEY (emergency_id, agent_id),
  CONSTRAINT fk_emergency_participant_emergency FOREIGN KEY (emergency_id) REFERENCES emergency (id),
  CONSTRAINT fk_emergency_participant_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB;

CREATE TABLE time_bonus (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  center_id     BIGINT       NOT NULL,
  agent_id      BIGINT       NOT NULL,
  business_date DATE         NOT NULL,
  seconds       BIGINT       NOT NULL,
  reason        VARCHAR(500) NOT NULL,
  entry_id      BIGINT       NOT NULL,
  granted_by    VARCHAR(80)  NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  CONSTRAINT fk_time_bonus_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_time_bonus_seconds CHECK (seconds > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_time_bonus_center_date ON time_bonus (center_id, business_date);

-- The row grants lock so that concurrent grants cannot together pass the monthly cap.
CREATE TABLE bonus_budget (
  center_id       BIGINT NOT NULL,
  month_start     DATE   NOT NULL,
  granted_seconds BIGINT NOT NULL,
  PRIMARY KEY (center_id, month_start)
) ENGINE=InnoDB;

-- Shifts published by the roster or imported from another scheduling system (center local time).
CREATE TABLE published_shift (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  center_id     BIGINT      NOT NULL,
  agent_id      BIGINT      NOT NULL,
  shift_date    DATE        NOT NULL,
  start_at      DATETIME    NOT NULL,
  end_at        DATETIME    NOT NULL,
  break_minutes INT         NOT NULL,
  source        VARCHAR(16) NOT NULL,
  published_at  DATETIME(3) NOT NULL,
  published_by  VARCHAR(80) NOT NULL,
  CONSTRAINT uq_published_shift_agent_date UNIQUE (agent_id, shift_date),
  CONSTRAINT fk_published_shift_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_published_shift_times CHECK (end_at > start_at AND break_minutes >= 0)
) ENGINE=InnoDB;

CREATE INDEX ix_published_shift_center_date ON published_shift (center_id, shift_date);

-- Leave: recorded by leads or HR, and the personal leave that an uncovered overdraft becomes.
CREATE TABLE leave_record (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id      BIGINT       NOT NULL,
  center_id     BIGINT       NOT NULL,
  business_date DATE         NOT NULL,
  seconds       BIGINT       NOT NULL,
  type          VARCHAR(16)  NOT NULL,
  source        VARCHAR(16)  NOT NULL,
  reference     VARCHAR(200) NULL,
  created_by    VARCHAR(80)  NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  CONSTRAINT fk_leave_record_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_leave_record_seconds CHECK (seconds > 0),
  CONSTRAINT ck_leave_record_type CHECK (type IN ('PERSONAL', 'SICK', 'ANNUAL')),
  CONSTRAINT ck_leave_record_source CHECK (source IN ('LEAVE', 'OVERDRAFT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_leave_record_agent_date ON leave_record (agent_id, business_date);
CREATE UNIQUE INDEX uq_leave_record_reference ON leave_record (reference);

-- One row per job run, shown to admins and planners.
CREATE TABLE job_run (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  job         VARCHAR(40)   NOT NULL,
  center_id   BIGINT        NOT NULL,
  dates       VARCHAR(100)  NULL,
  trigger_by  VARCHAR(80)   NOT NULL,
  instance_id VARCHAR(120)  NULL,
  started_at  DATETIME(3)   NOT NULL,
  finished_at DATETIME(3)   NULL,
  status      VARCHAR(16)   NOT NULL,
  processed   INT           NOT NULL,
  posted      INT           NOT NULL,
  error       VARCHAR(2000) NULL,
  CONSTRAINT ck_job_run_status CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_job_run_job_center ON job_run (job, center_id, started_at);
