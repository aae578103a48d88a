-- The best coverage any roster of these agents could reach (LP bound of the solver's coverage objective, computed at
-- solve start) and the coverage objective of the saved best solution, so the planner sees how far from the best the
-- roster is. coverage_bound_state: COMPUTING, AVAILABLE, NOT_AVAILABLE (failed or over its time cap).
ALTER TABLE roster
  ADD COLUMN coverage_bound        DOUBLE       NULL,
  ADD COLUMN coverage_bound_state  VARCHAR(16)  NULL,
  ADD COLUMN coverage_objective    BIGINT       NULL,
  ADD CONSTRAINT ck_roster_coverage_bound_state
      CHECK (coverage_bound_state IN ('COMPUTING', 'AVAILABLE', 'NOT_AVAILABLE'));
