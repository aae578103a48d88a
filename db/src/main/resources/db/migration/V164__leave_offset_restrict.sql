-- A posted offset (entry_id set) is a LEAVE_OFFSET debit in the ledger: deleting its leave must fail, not take the
-- offset row along and leave the debit offsetting nothing. Unposted choices are deleted by the code that deletes
-- their leave (a corrected settlement replacing its overdraft leave).
ALTER TABLE leave_offset DROP FOREIGN KEY fk_leave_offset_leave;
ALTER TABLE leave_offset ADD CONSTRAINT fk_leave_offset_leave FOREIGN KEY (leave_id) REFERENCES leave_record (id)
  ON DELETE RESTRICT;
