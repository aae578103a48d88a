-- Forecasting: the planner's calendar per center, stored forecasts and backtests.
-- Forecasts are versioned by being immutable: every forecast made is a new row with a new id, so a roster can
-- record exactly which one it used. Dates and interval starts are in the center's local time.

-- Holidays, planned closures and one-off special days ("campaign, 1.4x" or "like 2025-03-03").
CREATE TABLE forecast_calendar_day (
  center_id     BIGINT        NOT NULL,
  business_date DATE          NOT NULL,
  kind          VARCHAR(16)   NOT NULL,
  name          VARCHAR(200)  NULL,
  multiplier    DECIMAL(9,4)  NULL,
  like_date     DATE          NULL,
  updated_by    VARCHAR(64)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (center_id, business_date, kind),
  CONSTRAINT fk_forecast_calendar_day_center FOREIGN KEY (center_id) REFERENCES center (id),
  CONSTRAINT ck_forecast_calendar_day_kind CHECK (kind IN ('HOLIDAY', 'CLOSED', 'SPECIAL')),
  CONSTRAINT ck_forecast_calendar_day_special CHECK (kind <> 'SPECIAL'
      OR (multiplier IS NOT NULL AND like_date IS NULL) OR (multiplier IS NULL AND like_date IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A rolling-origin backtest, asked for by a planner (REQUEST) or run by automatic method selection (SELECTION).
CREATE TABLE backtest (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  center_id         BIGINT       NOT NULL,
  queue             VARCHAR(64)  NULL,
  purpose           VARCHAR(16)  NOT NULL,
  method            VARCHAR(64)  NULL,
  horizon_days      INT          NOT NULL,
  origins_requested INT          NOT NULL,
  with_intervals    BOOLEAN      NOT NULL,
  as_of             DATE         NULL,
  learned_up_to     DATE         NOT NULL,
  created_by        VARCHAR(64)  NOT NULL,
  created_at        DATETIME(3)  NOT NULL,
  CONSTRAINT fk_backtest_center FOREIGN KEY (center_id) REFERENCES center (id),
  CONSTRAINT ck_backtest_purpose CHECK (purpose IN ('REQUEST', 'SELECTION'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_backtest_center ON backtest (center_id, id);

CREATE TABLE backtest_origin (
  backtest_id BIGINT NOT NULL,
  origin_date DATE   NOT NULL,
  PRIMARY KEY (backtest_id, origin_date),
  CONSTRAINT fk_backtest_origin_backtest FOREIGN KEY (backtest_id) REFERENCES backtest (id)
) ENGINE=InnoDB;

-- Errors of one method over all origins; NULL where a measure cannot be computed (e.g. MASE without a scale).
CREATE TABLE backtest_result (
  backtest_id    BIGINT      NOT NULL,
  seq            INT         NOT NULL,
  method         VARCHAR(64) NOT NULL,
  mae            DOUBLE      NULL,
  rmse           DOUBLE      NULL,
  wmape          DOUBLE      NULL,
  mase           DOUBLE      NULL,
  origin_count   INT         NOT NULL,
  interval_count BIGINT      NOT NULL,
  coverage80     DOUBLE      NULL,
  coverage95     DOUBLE      NULL,
  PRIMARY KEY (backtest_id, method),
  CONSTRAINT fk_backtest_result_backtest FOREIGN KEY (backtest_id) REFERENCES backtest (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One forecast run. requested_method NULL = automatic selection, explained by selection_note and the
-- selection backtest. notes: one remark per line (prediction-interval calibration, ignored special days, ...).
CREATE TABLE forecast (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  center_id             BIGINT        NOT NULL,
  queue                 VARCHAR(64)   NULL,
  method                VARCHAR(64)   NOT NULL,
  requested_method      VARCHAR(64)   NULL,
  from_date             DATE          NOT NULL,
  to_date               DATE          NOT NULL,
  as_of                 DATE          NULL,
  learned_up_to         DATE          NOT NULL,
  interval_minutes      INT           NOT NULL,
  selection_note        VARCHAR(2000) NULL,
  selection_backtest_id BIGINT        NULL,
  notes                 TEXT          NULL,
  created_by            VARCHAR(64)   NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  CONSTRAINT fk_forecast_center FOREIGN KEY (center_id) REFERENCES center (id),
  CONSTRAINT fk_forecast_selection FOREIGN KEY (selection_backtest_id) REFERENCES backtest (id),
  CONSTRAINT ck_forecast_range CHECK (to_date >= from_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_forecast_center ON forecast (center_id, id);

-- Expected contacts and AHT per open interval, with the 80% and 95% prediction intervals; closed intervals
-- and closed days have no row.
CREATE TABLE forecast_interval (
  forecast_id    BIGINT   NOT NULL,
  interval_start DATETIME NOT NULL,
  contacts       DOUBLE   NOT NULL,
  aht_seconds    DOUBLE   NOT NULL,
  lower80        DOUBLE   NOT NULL,
  upper80        DOUBLE   NOT NULL,
  lower95        DOUBLE   NOT NULL,
  upper95        DOUBLE   NOT NULL,
  PRIMARY KEY (forecast_id, interval_start),
  CONSTRAINT fk_forecast_interval_forecast FOREIGN KEY (forecast_id) REFERENCES forecast (id)
) ENGINE=InnoDB;
