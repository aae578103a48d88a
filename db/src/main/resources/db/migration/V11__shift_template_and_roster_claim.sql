-- Shift templates per center: a length with its break rules, started every few minutes between two times of day.
-- A center without rows uses the built-in templates (9 h with a 1 h meal, 8 h with 30 min, 4 h part-time, starts
-- fitted to the requirement's opening hours). Times are minutes of the center's local day; offsets are minutes from
-- the shift start. NULL means "the standard rule": starts fitted to the opening hours, the standard meal window
-- (2 h after the start to 2 h before the end), the standard short breaks, a start every max(30 min, interval).
CREATE TABLE shift_template (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  center_id           BIGINT       NOT NULL,
  position            INT          NOT NULL,
  code                VARCHAR(32)  NOT NULL,
  queue               VARCHAR(64)  NULL,
  length_minutes      INT          NOT NULL,
  meal_break_minutes  INT          NOT NULL,
  meal_window_start   INT          NULL,
  meal_window_end     INT          NULL,
  short_breaks        INT          NULL,
  short_break_minutes INT          NULL,
  first_start_minute  INT          NULL,
  last_start_minute   INT          NULL,
  start_every_minutes INT          NULL,
  updated_by          VARCHAR(80)  NOT NULL,
  updated_at          DATETIME(3)  NOT NULL,
  CONSTRAINT fk_shift_template_center FOREIGN KEY (center_id) REFERENCES center (id),
  CONSTRAINT uq_shift_template_code UNIQUE (center_id, code),
  CONSTRAINT ck_shift_template_length CHECK (length_minutes > 0 AND meal_break_minutes >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Clustered resume: the instance solving a roster (owner) and its last sign of life (heartbeat, UTC). An instance
-- resumes a SOLVING roster only by claiming it with a conditional UPDATE: no owner, or a heartbeat gone stale.
ALTER TABLE roster ADD COLUMN owner VARCHAR(100) NULL;
ALTER TABLE roster ADD COLUMN heartbeat_at DATETIME(3) NULL;
