-- The dedupe key of a sign-up's name (server/src/name-key.ts: NFKC, no whitespace, traditional
-- folded to simplified). The stored name stays as she typed it. Rows from before are filled by
-- the server at start, which can run OpenCC; SQL cannot.
ALTER TABLE signups ADD COLUMN name_key text;
