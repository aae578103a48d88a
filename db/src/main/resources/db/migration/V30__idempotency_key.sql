-- Responses to API requests sent with an Idempotency-Key: a retry with the same key (per user) gets the first
-- answer instead of posting again, on any instance and after a restart. A row is claimed (request_hash null) before
-- the request runs and completed with its answer; a refused request frees its key. Kept for a day.
CREATE TABLE idempotency_key (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(100)  NOT NULL,
    idem_key      VARCHAR(255)  NOT NULL,
    method        VARCHAR(10)   NOT NULL,
    path          VARCHAR(1000) NOT NULL,
    request_hash  CHAR(64)      NULL,
    status_code   INT           NULL,
    content_type  VARCHAR(200)  NULL,
    location      VARCHAR(1000) NULL,
    body          MEDIUMBLOB    NULL,
    created_at    DATETIME(6)   NOT NULL,
    completed_at  DATETIME(6)   NULL,
    CONSTRAINT uq_idempotency_key UNIQUE (username, idem_key)
);
CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at);
