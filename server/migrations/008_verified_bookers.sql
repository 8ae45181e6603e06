-- Verified bookers: a sign-up needs a person proven by an SMS code (H5) or by WeChat (the
-- mini-program). Every limit lives here, so several server instances enforce the same ones.

-- One row per code sent. The mobile is kept only as a keyed hash (the same subject the booker
-- token carries) and the code only as a keyed hash: a copy of the database gives neither.
CREATE TABLE verification_codes (
  id bigserial PRIMARY KEY,
  mobile_key text NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  used_at timestamptz,
  client_address text NOT NULL
);

-- The newest code of a mobile: the one a check compares, and the one a resend waits for.
CREATE INDEX verification_codes_by_mobile ON verification_codes (mobile_key, created_at DESC, id DESC);

-- Old codes are deleted by age.
CREATE INDEX verification_codes_by_age ON verification_codes (created_at);

-- Codes sent per Beijing day, per mobile (scope 'mobile') and per client address (scope 'address'):
-- counted with an upsert, whose row lock makes two instances count one after the other.
CREATE TABLE verification_counts (
  scope text NOT NULL CHECK (scope IN ('mobile', 'address')),
  key text NOT NULL,
  day date NOT NULL,
  sent integer NOT NULL CHECK (sent >= 0),
  PRIMARY KEY (scope, key, day)
);

-- Who booked: the verified subject of the booker token (kind and keyed hash, never the mobile in
-- clear). Sign-ups from before stay without one.
ALTER TABLE signups ADD COLUMN booker text;

-- Her live sign-ups on a session, counted under the session's lock for the per-session limit.
CREATE INDEX signups_by_booker ON signups (session_id, booker) WHERE booker IS NOT NULL AND status <> 'cancelled';
