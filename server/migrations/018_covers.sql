-- A federation's own cover image (server mode): uploaded by its staff, re-encoded by the server,
-- served from here by the hash of its bytes. The card carries only the small reference in
-- federations.cover, so the feed's pages stay small; the images are in the database, hence in
-- every backup.

-- {hash, width, height}, or NULL for none: attached to the card when it is read.
ALTER TABLE federations ADD COLUMN cover jsonb;

-- One cover per federation, in two sizes: the report header and poster, and the feed card.
CREATE TABLE federation_covers (
  federation_id text PRIMARY KEY REFERENCES federations (id) ON DELETE CASCADE,
  -- Of the large image's bytes: two federations uploading the same photo share it, and either row serves it.
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{24}$'),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  large bytea NOT NULL,
  small bytea NOT NULL,
  uploaded_by bigint REFERENCES accounts (id),
  uploaded_at timestamptz NOT NULL
);

CREATE INDEX federation_covers_by_hash ON federation_covers (hash);

-- Each upload tried in the last hour, per federation: the hourly limit, the same for every server
-- instance. Rows older than an hour are deleted as the next upload is counted.
CREATE TABLE cover_uploads (
  federation_id text NOT NULL REFERENCES federations (id) ON DELETE CASCADE,
  at timestamptz NOT NULL
);

CREATE INDEX cover_uploads_by_federation ON cover_uploads (federation_id, at);

-- A new or removed cover moves the federation's revision, as a publish does: every server drops
-- its copy of the card within a second.
DROP TRIGGER federations_revised ON federations;

CREATE TRIGGER federations_revised BEFORE UPDATE ON federations FOR EACH ROW
  WHEN (OLD.doc IS DISTINCT FROM NEW.doc OR OLD.published IS DISTINCT FROM NEW.published
    OR OLD.cover IS DISTINCT FROM NEW.cover)
  EXECUTE FUNCTION federation_revised();
