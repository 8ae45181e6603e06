-- The card workspace: each federation's card draft, saved as she types, and every version of the
-- card ever published, kept so an earlier one can be published again.

-- The text the published card's figures were checked against, for its report's source line.
ALTER TABLE federations ADD COLUMN source_text text;

-- One draft per federation. `revision` goes up with every save, so a save made from an older copy
-- (another tab, another editor) is refused instead of overwriting newer work.
CREATE TABLE card_drafts (
  federation_id text PRIMARY KEY REFERENCES federations (id),
  -- The CardDraft less its source text, which is the column below.
  draft jsonb NOT NULL,
  source_text text NOT NULL,
  revision integer NOT NULL CHECK (revision >= 1),
  updated_by bigint REFERENCES accounts (id),
  updated_at timestamptz NOT NULL
);

CREATE TABLE card_versions (
  federation_id text NOT NULL REFERENCES federations (id),
  version integer NOT NULL CHECK (version >= 1),
  -- The FederationFile as published.
  doc jsonb NOT NULL,
  source_text text NOT NULL,
  -- NULL for the command line and the server itself.
  published_by bigint REFERENCES accounts (id),
  published_at timestamptz NOT NULL,
  -- The version this one published again, when it was a restore.
  restored_from integer,
  -- The draft revision it was published from: publishing that revision again makes no new version.
  draft_revision integer NOT NULL,
  PRIMARY KEY (federation_id, version)
);
