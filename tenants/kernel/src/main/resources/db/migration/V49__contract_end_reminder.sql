-- Which end date of an active contract its people were last reminded of: one mail per contract and
-- end date, whichever node sends it; a renewal that moves the end date makes the next one due.
ALTER TABLE contract ADD COLUMN end_reminded_for date;
