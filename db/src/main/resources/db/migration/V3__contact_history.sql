-- Offered contacts per center, queue and interval (center local time on the center's grid).
-- A day without rows is a closed day, not a day of zero contacts.
CREATE TABLE contact_history (
  center_id      BIGINT       NOT NULL,
  queue          VARCHAR(64)  NOT NULL,
  interval_start DATETIME     NOT NULL,
  contacts       INT          NOT NULL,
  aht_seconds    INT          NOT NULL,
  imported_at    DATETIME(3)  NOT NULL,
  imported_by    VARCHAR(64)  NOT NULL,
  PRIMARY KEY (center_id, queue, interval_start),
  CONSTRAINT fk_contact_history_center FOREIGN KEY (center_id) REFERENCES center (id),
  CONSTRAINT ck_contact_history_values CHECK (contacts >= 0 AND aht_seconds >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
