-- A sign-up's cost must not grow with history: each session row keeps its own counts, updated in
-- the same transaction as every sign-up, cancellation, promotion and deletion, and every query on
-- the request path finds its rows through an index.

ALTER TABLE sessions ADD COLUMN confirmed_count integer NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0);

ALTER TABLE sessions ADD COLUMN waitlisted_count integer NOT NULL DEFAULT 0 CHECK (waitlisted_count >= 0);

ALTER TABLE sessions ADD COLUMN cancelled_count integer NOT NULL DEFAULT 0 CHECK (cancelled_count >= 0);

-- Counts for the sign-ups already there.
UPDATE sessions SET
  confirmed_count = c.confirmed,
  waitlisted_count = c.waitlisted,
  cancelled_count = c.cancelled
FROM (
  SELECT session_id,
         count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
         count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted,
         count(*) FILTER (WHERE status = 'cancelled') AS cancelled
  FROM signups GROUP BY session_id
) c
WHERE sessions.id = c.session_id;

-- A program page reads its sessions' counts.
CREATE INDEX sessions_by_program ON sessions (program_id);

-- The roster, in arrival order.
CREATE INDEX signups_by_program ON signups (program_id, seq);

-- Waitlist places and the first in line to promote, without reading the cancelled or confirmed.
CREATE INDEX signups_by_session_status ON signups (session_id, status, seq);

-- Replaced by the one above, which serves every query by session.
DROP INDEX signups_by_session;

-- One live sign-up per person and session; after cancelling she may sign up again.
CREATE UNIQUE INDEX signups_one_live_per_person ON signups (session_id, name, mobile) WHERE status <> 'cancelled';
