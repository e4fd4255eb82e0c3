-- The freelancer's own remark on a month's hours (休日稼働、障害対応…), kept apart from `note`,
-- which holds the client side's reason when it sends a month back and is cleared on resubmission.
ALTER TABLE time_report ADD COLUMN remark text CHECK (char_length(remark) <= 1000);
