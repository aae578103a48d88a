-- When the schedule last looked for a job's work in a center. A look that finds nothing due leaves no job_run (the
-- schedule looks every 15 minutes), so without this the page could not tell a firing schedule from a silent one.
CREATE TABLE job_check (
  job         VARCHAR(40)  NOT NULL,
  center_id   BIGINT       NOT NULL,
  checked_at  DATETIME(3)  NOT NULL,
  instance_id VARCHAR(120) NULL,
  PRIMARY KEY (job, center_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
