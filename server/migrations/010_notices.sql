-- Notices to the women who signed up (promoted from the waitlist, session moved or cancelled, the
-- day-before reminder), kept as an outbox: each is written in the same transaction as the change it
-- tells of, and a job delivers it afterwards. The unique key records each notice once, however
-- many server instances try to write it at the same moment.
CREATE TABLE notices (
  id bigserial PRIMARY KEY,
  signup_id text NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('promoted', 'session_changed', 'session_cancelled', 'reminder', 'hold_expiring')),
  -- What makes two notices of one kind different: the session's version for a change, its start
  -- for a reminder, '' for what happens once in a sign-up's life.
  key text NOT NULL,
  text text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Not before this (a retry waits); null: at once.
  next_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CONSTRAINT notices_once UNIQUE (signup_id, kind, key)
);

-- The sender job reads only what is still to go, oldest first.
CREATE INDEX notices_pending ON notices (id) WHERE status = 'pending';
