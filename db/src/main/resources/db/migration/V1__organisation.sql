-- Organisation: centers, teams, agents, users with role and scope, effective-dated center settings.
-- Instants are stored as DATETIME(3) in UTC; business dates as DATE in the center's zone.

CREATE TABLE center (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code             VARCHAR(32)  NOT NULL,
  name             VARCHAR(200) NOT NULL,
  time_zone        VARCHAR(64)  NOT NULL,
  interval_minutes INT          NOT NULL,
  created_at       DATETIME(3)  NOT NULL,
  CONSTRAINT uq_center_code UNIQUE (code),
  CONSTRAINT ck_center_interval CHECK (interval_minutes IN (5, 15, 30, 60))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE team (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  center_id  BIGINT       NOT NULL,
  code       VARCHAR(32)  NOT NULL,
  name       VARCHAR(200) NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  CONSTRAINT uq_team_center_code UNIQUE (center_id, code),
  CONSTRAINT fk_team_center FOREIGN KEY (center_id) REFERENCES center (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE agent (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  employee_no         VARCHAR(32)  NOT NULL,
  name                VARCHAR(200) NOT NULL,
  center_id           BIGINT       NOT NULL,
  team_id             BIGINT       NOT NULL,
  weekly_min_minutes  INT          NOT NULL,
  weekly_max_minutes  INT          NOT NULL,
  created_at          DATETIME(3)  NOT NULL,
  CONSTRAINT uq_agent_employee_no UNIQUE (employee_no),
  CONSTRAINT fk_agent_center FOREIGN KEY (center_id) REFERENCES center (id),
  CONSTRAINT fk_agent_team FOREIGN KEY (team_id) REFERENCES team (id),
  CONSTRAINT ck_agent_contract CHECK (weekly_min_minutes >= 0 AND weekly_max_minutes >= weekly_min_minutes)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_agent_team ON agent (team_id);
CREATE INDEX ix_agent_center ON agent (center_id);

CREATE TABLE agent_skill (
  agent_id BIGINT      NOT NULL,
  skill    VARCHAR(64) NOT NULL,
  PRIMARY KEY (agent_id, skill),
  CONSTRAINT fk_agent_skill_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE app_user (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  agent_id      BIGINT       NULL,
  locale        VARCHAR(16)  NULL,
  enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at    DATETIME(3)  NOT NULL,
  CONSTRAINT uq_app_user_username UNIQUE (username),
  CONSTRAINT fk_app_user_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT ck_app_user_role CHECK (role IN ('AGENT', 'TEAM_LEAD', 'PLANNER', 'ADMIN'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE user_center (
  user_id   BIGINT NOT NULL,
  center_id BIGINT NOT NULL,
  PRIMARY KEY (user_id, center_id),
  CONSTRAINT fk_user_center_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_user_center_center FOREIGN KEY (center_id) REFERENCES center (id)
) ENGINE=InnoDB;

CREATE TABLE user_team (
  user_id BIGINT NOT NULL,
  team_id BIGINT NOT NULL,
  PRIMARY KEY (user_id, team_id),
  CONSTRAINT fk_user_team_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_user_team_team FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE=InnoDB;

-- One row per change; the row in force on a date is the latest effective_from <= date.
-- Every column is complete (defaults filled in) so no row depends on an earlier one.
CREATE TABLE center_settings (
  id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  center_id              BIGINT        NOT NULL,
  effective_from         DATE          NOT NULL,
  aux_target             DECIMAL(7,6)  NOT NULL,
  overtime_rate_1        DECIMAL(7,6)  NOT NULL,
  overtime_rate_2        DECIMAL(7,6)  NOT NULL,
  overtime_rate_3        DECIMAL(7,6)  NOT NULL,
  bonus_cap_ratio        DECIMAL(7,6)  NOT NULL,
  idle_day_quota         INT           NOT NULL,
  busy_day_quota         INT           NOT NULL,
  busy_first_days        INT           NOT NULL,
  busy_last_days         INT           NOT NULL,
  month_close_day        INT           NOT NULL,
  min_notice_days        INT           NOT NULL,
  service_level_target   DECIMAL(7,6)  NOT NULL,
  service_level_seconds  INT           NOT NULL,
  max_occupancy          DECIMAL(7,6)  NOT NULL,
  shrinkage              DECIMAL(7,6)  NOT NULL,
  created_by             VARCHAR(64)   NOT NULL,
  created_at             DATETIME(3)   NOT NULL,
  CONSTRAINT uq_center_settings_from UNIQUE (center_id, effective_from),
  CONSTRAINT fk_center_settings_center FOREIGN KEY (center_id) REFERENCES center (id)
) ENGINE=InnoDB;

CREATE TABLE special_busy_date (
  center_id     BIGINT NOT NULL,
  business_date DATE   NOT NULL,
  PRIMARY KEY (center_id, business_date),
  CONSTRAINT fk_special_busy_date_center FOREIGN KEY (center_id) REFERENCES center (id)
) ENGINE=InnoDB;

-- Who changed what, when and why; written in the same transaction as the change.
CREATE TABLE audit_event (
  id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at         DATETIME(3)   NOT NULL,
  actor      VARCHAR(64)   NOT NULL,
  action     VARCHAR(64)   NOT NULL,
  subject    VARCHAR(200)  NOT NULL,
  detail     VARCHAR(2000) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_audit_event_at ON audit_event (at);
