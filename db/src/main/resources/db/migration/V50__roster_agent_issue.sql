-- Agents whose inputs alone (contract, leave, time off, published shifts, skills) make a hard rule impossible in a
-- week of a roster: reported to the planner (reason = message code, args separated by '|'), not judged by the solver.
CREATE TABLE roster_agent_issue (
  roster_id   BIGINT       NOT NULL,
  employee_no VARCHAR(64)  NOT NULL,
  rule_code   VARCHAR(32)  NOT NULL,
  week_start  DATE         NOT NULL,
  reason      VARCHAR(100) NOT NULL,
  args        VARCHAR(500) NOT NULL,
  PRIMARY KEY (roster_id, employee_no, rule_code, week_start),
  CONSTRAINT fk_roster_agent_issue_roster FOREIGN KEY (roster_id) REFERENCES roster (id) ON DELETE CASCADE
) ENGINE=InnoDB;
