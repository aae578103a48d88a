-- A planner's manual change to a forecast: the changed copy is a new forecast (nothing is overwritten); this row
-- says which forecast it was made from, which intervals changed ([from_at, to_at), center-local) and how: by a
-- percentage or to a total number of contacts, with the planner's reason.
CREATE TABLE forecast_adjustment (
  forecast_id   BIGINT        NOT NULL PRIMARY KEY,
  based_on_id   BIGINT        NOT NULL,
  from_at       DATETIME      NOT NULL,
  to_at         DATETIME      NOT NULL,
  percent       DECIMAL(7,2)  NULL,
  contacts      DECIMAL(12,2) NULL,
  reason        VARCHAR(200)  NOT NULL,
  CONSTRAINT fk_forecast_adjustment_forecast FOREIGN KEY (forecast_id) REFERENCES forecast (id),
  CONSTRAINT fk_forecast_adjustment_based_on FOREIGN KEY (based_on_id) REFERENCES forecast (id),
  CONSTRAINT ck_forecast_adjustment_how CHECK ((percent IS NULL) <> (contacts IS NULL)),
  CONSTRAINT ck_forecast_adjustment_range CHECK (to_at > from_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
