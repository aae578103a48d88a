-- Rosters: a solve of a center's horizon against one forecast, persisted while it runs so a restart loses nothing.
-- The requirement series is copied in (roster_interval) so the roster stays explainable when forecasts change.
-- Times are the center's local time.
CREATE TABLE roster (
  id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  center_id              BIGINT        NOT NULL,
  forecast_id            BIGINT        NOT NULL,
  parent_roster_id       BIGINT        NULL,
  from_date              DATE          NOT NULL,
  to_date                DATE          NOT NULL,
  solve_seconds          INT           NOT NULL,
  status                 VARCHAR(16)   NOT NULL,
  skill                  VARCHAR(64)   NOT NULL,
  service_level_target   DECIMAL(6,4)  NOT NULL,
  service_level_seconds  INT           NOT NULL,
  shrinkage              DECIMAL(6,4)  NOT NULL,
  reopened_dates         VARCHAR(2000) NULL,
  reopened_agents        VARCHAR(2000) NULL,
  hard_score             BIGINT        NULL,
  soft_score             BIGINT        NULL,
  solved_millis          BIGINT        NOT NULL,
  error                  VARCHAR(1000) NULL,
  created_by             VARCHAR(80)   NOT NULL,
  created_at             DATETIME(3)   NOT NULL,
  updated_at             DATETIME(3)   NOT NULL,
  published_by           VARCHAR(80)   NULL,
  published_at           DATETIME(3)   NULL,
  CONSTRAINT fk_roster_center FOREIGN KEY (center_id) REFERENCES center (id),
  CONSTRAINT fk_roster_parent FOREIGN KEY (parent_roster_id) REFERENCES roster (id),
  CONSTRAINT ck_roster_status CHECK (status IN ('SOLVING', 'STOPPED', 'SOLVED', 'PUBLISHED', 'FAILED')),
  CONSTRAINT ck_roster_period CHECK (to_date >= from_date AND solve_seconds > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_roster_center ON roster (center_id, id);
CREATE INDEX ix_roster_status ON roster (status);

-- The requirement the roster was solved against: per interval, the forecast workload and the scheduled agents
-- required (Erlang C with the center's settings, grossed up for shrinkage).
CREATE TABLE roster_interval (
  roster_id      BIGINT      NOT NULL,
  interval_start DATETIME    NOT NULL,
  contacts       DOUBLE      NOT NULL,
  aht_seconds    DOUBLE      NOT NULL,
  required       INT         NOT NULL,
  PRIMARY KEY (roster_id, interval_start),
  CONSTRAINT fk_roster_interval_roster FOREIGN KEY (roster_id) REFERENCES roster (id)
) ENGINE=InnoDB;

-- The best solution so far: one row per working agent-day (a missing row is a day off).
-- breaks: "KIND@offsetMinutes+minutes" separated by commas, offsets from the shift start (e.g. "S120+15,M240+60").
CREATE TABLE roster_assignment (
  roster_id     BIGINT       NOT NULL,
  agent_id      BIGINT       NOT NULL,
  shift_date    DATE         NOT NULL,
  shift_option  VARCHAR(100) NOT NULL,
  start_at      DATETIME     NOT NULL,
  end_at        DATETIME     NOT NULL,
  break_minutes INT          NOT NULL,
  breaks        VARCHAR(500) NOT NULL,
  pinned        BOOLEAN      NOT NULL,
  PRIMARY KEY (roster_id, agent_id, shift_date),
  CONSTRAINT fk_roster_assignment_roster FOREIGN KEY (roster_id) REFERENCES roster (id),
  CONSTRAINT fk_roster_assignment_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB;

-- The agents a roster planned (so a day without an assignment is a planned day off, not an unplanned day).
CREATE TABLE roster_agent (
  roster_id BIGINT NOT NULL,
  agent_id  BIGINT NOT NULL,
  PRIMARY KEY (roster_id, agent_id),
  CONSTRAINT fk_roster_agent_roster FOREIGN KEY (roster_id) REFERENCES roster (id),
  CONSTRAINT fk_roster_agent_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB;

-- Best score over solving time, for the live chart.
CREATE TABLE roster_score_point (
  roster_id      BIGINT      NOT NULL,
  elapsed_millis BIGINT      NOT NULL,
  hard_score     BIGINT      NOT NULL,
  soft_score     BIGINT      NOT NULL,
  recorded_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (roster_id, elapsed_millis),
  CONSTRAINT fk_roster_score_point_roster FOREIGN KEY (roster_id) REFERENCES roster (id)
) ENGINE=InnoDB;
