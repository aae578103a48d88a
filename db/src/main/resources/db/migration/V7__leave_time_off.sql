-- Leave offsets and month close (service 5), time-off requests with daily quotas and a waitlist (service 6).

-- How a center's daily time-off quota is found: FIXED from the busy/idle settings, or DERIVED from the roster.
ALTER TABLE center_settings ADD COLUMN quota_mode VARCHAR(8) NOT NULL DEFAULT 'FIXED';

-- The agent's choice to offset an eligible leave item with the balance; entry_id once month close posted it.
CREATE TABLE leave_offset (
  leave_id    BIGINT      NOT NULL PRIMARY KEY,
  agent_id    BIGINT      NOT NULL,
  month_start DATE        NOT NULL,
  chosen_by   VARCHAR(80) NOT NULL,
  chosen_at   DATETIME(3) NOT NULL,
  entry_id    BIGINT      NULL,
  CONSTRAINT fk_leave_offset_leave FOREIGN KEY (leave_id) REFERENCES leave_record (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE INDEX ix_leave_offset_agent_month ON leave_offset (agent_id, month_start);

-- Each agent's attendance of a closed month; its row also marks the agent's month as settled by month close.
CREATE TABLE leave_attendance (
  agent_id        BIGINT      NOT NULL,
  month_start     DATE        NOT NULL,
  center_id       BIGINT      NOT NULL,
  leave_seconds   BIGINT      NOT NULL,
  offset_seconds  BIGINT      NOT NULL,
  full_attendance BOOLEAN     NOT NULL,
  closed_at       DATETIME(3) NOT NULL,
  PRIMARY KEY (agent_id, month_start),
  CONSTRAINT fk_leave_attendance_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB;

CREATE INDEX ix_leave_attendance_center_month ON leave_attendance (center_id, month_start);

-- A center's month once every agent's attendance is written: read-only from then on.
CREATE TABLE leave_month_close (
  center_id   BIGINT      NOT NULL,
  month_start DATE        NOT NULL,
  agents      INT         NOT NULL,
  closed_by   VARCHAR(80) NOT NULL,
  closed_at   DATETIME(3) NOT NULL,
  PRIMARY KEY (center_id, month_start),
  CONSTRAINT fk_leave_month_close_center FOREIGN KEY (center_id) REFERENCES center (id)
) ENGINE=InnoDB;

CREATE TABLE time_off_request (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  center_id      BIGINT       NOT NULL,
  team_id        BIGINT       NOT NULL,
  agent_id       BIGINT       NOT NULL,
  business_date  DATE         NOT NULL,
  seconds        BIGINT       NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  reservation_id BIGINT       NULL,
  entry_id       BIGINT       NULL,
  waitlisted_at  DATETIME(3)  NULL,
  offered_at     DATETIME(3)  NULL,
  created_by     VARCHAR(80)  NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  decided_by     VARCHAR(80)  NULL,
  decided_at     DATETIME(3)  NULL,
  note           VARCHAR(500) NULL,
  CONSTRAINT fk_time_off_request_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_time_off_request_seconds CHECK (seconds > 0),
  CONSTRAINT ck_time_off_request_status CHECK (status IN ('PENDING', 'WAITLISTED', 'APPROVED', 'REJECTED',
                                                          'CANCELLED', 'EXPIRED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_time_off_request_center_date ON time_off_request (center_id, business_date, status);
CREATE INDEX ix_time_off_request_agent_date ON time_off_request (agent_id, business_date);
CREATE INDEX ix_time_off_request_team_status ON time_off_request (team_id, status);

-- One row per center and date that has requests: approvals lock it so the last slot goes to exactly one.
CREATE TABLE time_off_quota_day (
  center_id     BIGINT NOT NULL,
  business_date DATE   NOT NULL,
  PRIMARY KEY (center_id, business_date)
) ENGINE=InnoDB;
