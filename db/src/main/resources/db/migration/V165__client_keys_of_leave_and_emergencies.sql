-- A retried request creates nothing twice, also when its first answer was lost after the commit (the API's stored
-- answer is then freed): the leave or emergency made for a client's Idempotency-Key, or a page's form key, is
-- found again by it. API:user:<username, 64>:<key, 255> is the longest, 329; 400 utf8mb4 characters stay well
-- inside InnoDB's 3,072 bytes of a unique index.
ALTER TABLE leave_record MODIFY reference VARCHAR(400) NULL;

ALTER TABLE emergency ADD COLUMN client_key VARCHAR(400) NULL;
CREATE UNIQUE INDEX uq_emergency_client_key ON emergency (client_key);
