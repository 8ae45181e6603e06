-- The dedupe key of a sign-up's name (server/src/name-key.ts: NFKC, no whitespace, traditional
-- folded to simplified). The stored name stays as she typed it. Rows from before are filled by
-- the server at start, which can run OpenCC; SQL cannot.
ALTER TABLE signups ADD COLUMN name_key text;

-- One live sign-up per person and session, by the key: 陳 and 陈, or 李 typed as a compatibility
-- ideograph, are one person. Rows from before have no key yet, and NULLs never collide.
DROP INDEX signups_one_live_per_person;
CREATE UNIQUE INDEX signups_one_live_per_person ON signups (session_id, name_key, mobile) WHERE status <> 'cancelled';

-- The server fills missing keys at every start: this keeps that look-up from reading the whole table.
CREATE INDEX signups_without_name_key ON signups (id) WHERE name_key IS NULL;
