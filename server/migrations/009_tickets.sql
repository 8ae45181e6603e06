-- E-tickets and check-in at the door. Every sign-up gets a 6-character code to read out, unique within
-- its session (the QR token is signed by the server from the sign-up's id and is not stored). A
-- check-in is the time and the organizer on the sign-up's own row, set once.

ALTER TABLE signups ADD COLUMN ticket_code text CHECK (ticket_code ~ '^[2-9A-HJKMNP-Z]{6}$');
ALTER TABLE signups ADD COLUMN checked_in_at timestamptz;
ALTER TABLE signups ADD COLUMN checked_in_by bigint REFERENCES accounts (id);

-- Codes already given are never reused within a session, whatever became of the sign-up.
CREATE UNIQUE INDEX signups_ticket_code ON signups (session_id, ticket_code) WHERE ticket_code IS NOT NULL;

-- The door's count of who has arrived reads only the checked-in rows of one session.
CREATE INDEX signups_checked_in ON signups (session_id) WHERE checked_in_at IS NOT NULL AND status = 'confirmed';

-- Codes for the sign-ups made before this migration (confirmed and waitlisted): each session starts
-- at a random number and steps by 3^18, which shares no factor with 31^6, so no two of its first
-- 31^6 rows get one number; each number is written in the alphabet of src/domain/tickets.ts.
WITH base AS (
  SELECT id AS session_id, floor(random() * 887503681)::bigint AS start FROM sessions
), numbered AS (
  SELECT g.id, (b.start + row_number() OVER (PARTITION BY g.session_id ORDER BY g.seq) * 387420489) % 887503681 AS n
  FROM signups g JOIN base b ON b.session_id = g.session_id
  WHERE g.status IN ('confirmed', 'waitlisted') AND g.ticket_code IS NULL
)
UPDATE signups g SET ticket_code = (
  SELECT string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ',
           ((numbered.n / (ARRAY[1, 31, 961, 29791, 923521, 28629151])[i + 1]) % 31)::integer + 1, 1), '' ORDER BY i DESC)
  FROM generate_series(0, 5) AS i
)
FROM numbered WHERE numbered.id = g.id;
