-- When an agent can work (issue 12): weekly windows entered by the agent's lead or a planner. An agent with no
-- window is available at any time; with windows, a day of the week without one is not available at all.
-- Minutes of the center's local day, [start_minute, end_minute); day_of_week 1 = Monday ... 7 = Sunday.
CREATE TABLE agent_availability_window (
  id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id     BIGINT      NOT NULL,
  day_of_week  INT         NOT NULL,
  start_minute INT         NOT NULL,
  end_minute   INT         NOT NULL,
  CONSTRAINT fk_agent_availability_window_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_agent_availability_window CHECK (day_of_week BETWEEN 1 AND 7 AND start_minute >= 0
                                                 AND end_minute <= 1440 AND start_minute < end_minute)
) ENGINE=InnoDB;

CREATE INDEX ix_agent_availability_window_agent ON agent_availability_window (agent_id);

-- Dated unavailability (training, a doctor's appointment): the whole day when the minutes are NULL.
CREATE TABLE agent_unavailability (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id      BIGINT       NOT NULL,
  business_date DATE         NOT NULL,
  start_minute  INT          NULL,
  end_minute    INT          NULL,
  reason        VARCHAR(200) NOT NULL,
  created_by    VARCHAR(80)  NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  CONSTRAINT fk_agent_unavailability_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_agent_unavailability_minutes CHECK ((start_minute IS NULL AND end_minute IS NULL)
      OR (start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_agent_unavailability_agent_date ON agent_unavailability (agent_id, business_date);

-- The agent's own preferences (soft for the solver): days off as a bit mask (bit 0 = Monday), early or late
-- shifts, a preferred shift template of the center (its code).
CREATE TABLE agent_preference (
  agent_id       BIGINT      NOT NULL PRIMARY KEY,
  days_off       INT         NOT NULL,
  shift_time     VARCHAR(8)  NOT NULL,
  shift_template VARCHAR(32) NULL,
  updated_by     VARCHAR(80) NOT NULL,
  updated_at     DATETIME(3) NOT NULL,
  CONSTRAINT fk_agent_preference_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_agent_preference_shift_time CHECK (shift_time IN ('NONE', 'EARLY', 'LATE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Part-day leave and time off: with a time of day they block only those minutes of the center's local day;
-- NULL = no time of day (the whole day, as before).
ALTER TABLE time_off_request ADD COLUMN start_minute INT NULL;
ALTER TABLE time_off_request ADD COLUMN end_minute INT NULL;
ALTER TABLE leave_record ADD COLUMN start_minute INT NULL;
ALTER TABLE leave_record ADD COLUMN end_minute INT NULL;
