-- The hold window: a session may give a woman promoted from its waitlist `hold_hours` to confirm
-- (null: no confirming, the seat is hers at once). Until she confirms, her sign-up is confirmed with
-- `hold_until`; past it, the sign-up is cancelled with cancelled_because 'hold_expired' and the seat
-- goes to the next on the waitlist.
ALTER TABLE sessions ADD COLUMN hold_hours integer CHECK (hold_hours BETWEEN 1 AND 168);
ALTER TABLE signups ADD COLUMN hold_until timestamptz;
ALTER TABLE signups ADD COLUMN cancelled_because text CHECK (cancelled_because IN ('hold_expired'));

-- The expiry job reads only the holds still open, the earliest first.
CREATE INDEX signups_on_hold ON signups (hold_until) WHERE hold_until IS NOT NULL AND status = 'confirmed';
