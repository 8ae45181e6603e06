-- Organizer accounts: people of one federation with a role, replacing the one static token each
-- federation had. Passwords and session tokens are stored only as hashes (server/src/accounts.ts).

CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  federation_id text NOT NULL REFERENCES federations (id),
  -- Compared as typed after trimming and lower-casing (the server does both before storing).
  login text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  -- scrypt$N$r$p$salt$hash: each hash says how it was made, so the cost can be raised later.
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  -- Wrong passwords in a row, and until when the next try must wait (slow-down, then lockout).
  failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  -- Made with the documented development password: production refuses to start while one is enabled.
  dev_seed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX accounts_by_federation ON accounts (federation_id, id);

-- A session is its token's SHA-256: the token itself is only ever in the organizer's hands.
CREATE TABLE auth_sessions (
  token_hash text PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  -- The absolute end; the idle end is last_seen_at plus the idle time (config.ts).
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

CREATE INDEX auth_sessions_by_account ON auth_sessions (account_id);

CREATE TABLE invitations (
  id bigserial PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  federation_id text NOT NULL REFERENCES federations (id),
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  note text,
  created_by bigint NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by bigint REFERENCES accounts (id)
);

-- Every change an organizer makes, written in the transaction of the change itself.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  federation_id text NOT NULL REFERENCES federations (id),
  -- Who did it; NULL for the command line and the server itself.
  account_id bigint REFERENCES accounts (id),
  action text NOT NULL,
  target text,
  detail jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL
);

-- Newest first, one federation at a time, paged by id.
CREATE INDEX audit_log_by_federation ON audit_log (federation_id, id);
