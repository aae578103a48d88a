-- The fewest short agent-intervals any roster of these agents could leave (the coverage bound's LP minimising the
-- shortfall alone, computed with the bound): what only more agents can cover, however long the solver runs.
ALTER TABLE roster
  ADD COLUMN coverage_shortfall_floor DOUBLE NULL;
