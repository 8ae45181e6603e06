-- Sign-up forms are versioned: a program's form changes by adding a version, and each sign-up keeps
-- the version it was made with, so its answers are always read under the labels she saw. Changes to
-- a session's time or place are kept too, for the notice its sign-ups will be sent.

CREATE TABLE form_versions (
  program_id text NOT NULL REFERENCES programs (id),
  version integer NOT NULL CHECK (version >= 1),
  fields jsonb NOT NULL,
  -- The organizer who saved it; null for the versions this migration and the seed write.
  created_by bigint REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, version)
);

-- Version 1 of every program that takes sign-ups: its form as the federation's document holds it now.
INSERT INTO form_versions (program_id, version, fields)
SELECT p ->> 'id', 1, p -> 'signup' -> 'form'
FROM federations f, jsonb_array_elements(coalesce(f.doc -> 'programs', '[]'::jsonb)) AS p
WHERE p -> 'signup' -> 'form' IS NOT NULL AND EXISTS (SELECT 1 FROM programs WHERE id = p ->> 'id');

-- Every sign-up so far was made with the form there is now: version 1. The server writes the
-- version with every new sign-up; the default only fills rows written the old way.
ALTER TABLE signups ADD COLUMN form_version integer NOT NULL DEFAULT 1 CHECK (form_version >= 1);

-- What an organizer changed about a session that its sign-ups must hear of: one row per change.
CREATE TABLE session_changes (
  id bigserial PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions (id),
  -- {"startsAt": {"before": "…", "after": "…"}, "place": {…}}: only the fields that changed.
  changes jsonb NOT NULL,
  account_id bigint REFERENCES accounts (id),
  at timestamptz NOT NULL,
  -- Set when the notice to its sign-ups has gone out.
  notified_at timestamptz
);

CREATE INDEX session_changes_by_session ON session_changes (session_id, id);
