-- Argon2id hashes with their {argon2} prefix are longer than BCrypt's 60 characters.
ALTER TABLE app_user MODIFY password_hash VARCHAR(255) NOT NULL;
-- Set when an admin chose the password (or it was generated at the first start): until the user has changed it,
-- changing it is all they may do.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE app_user ADD COLUMN password_changed_at DATETIME(3) NULL;
