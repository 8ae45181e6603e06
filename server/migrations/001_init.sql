-- Content (loaded from mock/ JSON on start) and sign-ups.

CREATE TABLE federations (
  id text PRIMARY KEY,
  name text NOT NULL,
  doc jsonb NOT NULL,
  content_hash text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programs (
  id text PRIMARY KEY,
  federation_id text NOT NULL REFERENCES federations (id),
  title text NOT NULL
);

-- One row per session: the row a sign-up locks, so seats are counted one sign-up at a time.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  program_id text NOT NULL REFERENCES programs (id),
  capacity integer NOT NULL CHECK (capacity >= 0),
  taken integer NOT NULL DEFAULT 0 CHECK (taken >= 0)
);

CREATE TABLE signups (
  id text PRIMARY KEY,
  -- Arrival order: waitlist positions and promotion follow it.
  seq bigserial NOT NULL UNIQUE,
  client_id text NOT NULL,
  idempotency_key text NOT NULL,
  session_id text NOT NULL REFERENCES sessions (id),
  program_id text NOT NULL REFERENCES programs (id),
  status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  name text NOT NULL,
  mobile text NOT NULL,
  answers jsonb NOT NULL,
  program_title text NOT NULL,
  federation_name text NOT NULL,
  session_title text NOT NULL,
  session_start text NOT NULL,
  online boolean NOT NULL,
  place text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (client_id, idempotency_key)
);

CREATE INDEX signups_by_session ON signups (session_id, seq);

CREATE INDEX signups_by_client ON signups (client_id, seq);
