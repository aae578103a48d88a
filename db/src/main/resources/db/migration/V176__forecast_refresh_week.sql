-- The weekly forecast refresh makes one forecast per center and week: the week (its Monday) is kept on the forecast
-- it made, and the unique key makes a retried run, a misfire or a second cluster node find that forecast instead of
-- making another. Forecasts planners make, and adjustments of any forecast, have none.
ALTER TABLE forecast ADD COLUMN refresh_week DATE NULL;
CREATE UNIQUE INDEX uq_forecast_refresh_week ON forecast (center_id, refresh_week);
