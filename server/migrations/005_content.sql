-- The database becomes the source of truth for content: sessions get absolute times (no longer
-- demo templates dated from today), federations a published flag, and sign-ups the version of the
-- session they were made for. Every sign-up is kept.

-- Federations: one created by the operator exists before its card does, and is not public until published.
ALTER TABLE federations ALTER COLUMN doc DROP NOT NULL;
ALTER TABLE federations ALTER COLUMN content_hash DROP NOT NULL;
ALTER TABLE federations ADD COLUMN region_code text;
ALTER TABLE federations ADD COLUMN level text;
ALTER TABLE federations ADD COLUMN published boolean NOT NULL DEFAULT false;
ALTER TABLE federations ADD COLUMN published_at timestamptz;
ALTER TABLE federations ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

-- Every federation loaded so far was public.
UPDATE federations SET
  published = true,
  published_at = loaded_at,
  created_at = loaded_at,
  region_code = doc -> 'federation' -> 'region' ->> 'code',
  level = doc -> 'federation' ->> 'level';

-- Sessions: what the program page shows, read from the row. `version` goes up when the time or the
-- place changes, so a sign-up made before can say 已变更.
ALTER TABLE sessions ADD COLUMN title text;
ALTER TABLE sessions ADD COLUMN starts_at timestamptz;
ALTER TABLE sessions ADD COLUMN ends_at timestamptz;
ALTER TABLE sessions ADD COLUMN deadline_at timestamptz;
ALTER TABLE sessions ADD COLUMN opens_at timestamptz;
ALTER TABLE sessions ADD COLUMN online boolean;
ALTER TABLE sessions ADD COLUMN place text;
ALTER TABLE sessions ADD COLUMN join_info text;
ALTER TABLE sessions ADD COLUMN latitude numeric(9, 6);
ALTER TABLE sessions ADD COLUMN longitude numeric(9, 6);
ALTER TABLE sessions ADD COLUMN contact_phone text;
ALTER TABLE sessions ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled'));
ALTER TABLE sessions ADD COLUMN cancel_reason text;
ALTER TABLE sessions ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE sessions ADD COLUMN changed_at timestamptz;
ALTER TABLE sessions ADD COLUMN demo boolean NOT NULL DEFAULT false;

-- Each session from its template in the federation's document, dated from the Beijing day the
-- migration runs: deadline at 18:00 and sign-up opening at 09:00, as src/domain/sessions.ts does.
-- Beijing is UTC+8 all year: a wall-clock time there is that time in UTC less eight hours.
UPDATE sessions SET
  title = t.tpl ->> 'title',
  starts_at = ((bj.d + (t.tpl ->> 'startInDays')::integer) + (t.tpl ->> 'startTime')::time) AT TIME ZONE 'UTC'
    - interval '8 hours',
  ends_at = ((bj.d + (t.tpl ->> 'startInDays')::integer) + (t.tpl ->> 'startTime')::time) AT TIME ZONE 'UTC'
    - interval '8 hours' + (t.tpl ->> 'durationMinutes')::integer * interval '1 minute',
  deadline_at = ((bj.d + (t.tpl ->> 'deadlineInDays')::integer) + time '18:00') AT TIME ZONE 'UTC'
    - interval '8 hours',
  opens_at = CASE WHEN t.tpl ? 'signupOpensInDays' THEN
    ((bj.d + (t.tpl ->> 'signupOpensInDays')::integer) + time '09:00') AT TIME ZONE 'UTC' - interval '8 hours'
  END,
  online = (t.tpl ->> 'online')::boolean,
  place = t.tpl ->> 'place',
  demo = t.demo
FROM (
  SELECT s AS tpl, coalesce((p -> 'signup' ->> 'demo')::boolean, false) AS demo
  FROM federations f,
    jsonb_array_elements(coalesce(f.doc -> 'programs', '[]'::jsonb)) AS p,
    jsonb_array_elements(coalesce(p -> 'signup' -> 'sessions', '[]'::jsonb)) AS s
) t,
(SELECT ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date AS d) bj
WHERE sessions.id = t.tpl ->> 'id';

-- A session no document lists any more, but with sign-ups: dated as its latest sign-up saw it, and
-- cancelled, since no one can sign up for it and it will not take place as listed.
UPDATE sessions SET
  title = g.session_title,
  starts_at = g.session_start::timestamptz,
  ends_at = g.session_start::timestamptz,
  deadline_at = g.session_start::timestamptz,
  online = g.online,
  place = g.place,
  status = 'cancelled',
  cancel_reason = '这个场次已从项目中撤下'
FROM (
  SELECT DISTINCT ON (session_id) session_id, session_title, session_start, online, place
  FROM signups ORDER BY session_id, seq DESC
) g
WHERE sessions.id = g.session_id AND sessions.title IS NULL;

-- One with neither: nothing refers to it and nothing would show it.
DELETE FROM sessions WHERE title IS NULL;

ALTER TABLE sessions ALTER COLUMN title SET NOT NULL;
ALTER TABLE sessions ALTER COLUMN starts_at SET NOT NULL;
ALTER TABLE sessions ALTER COLUMN ends_at SET NOT NULL;
ALTER TABLE sessions ALTER COLUMN deadline_at SET NOT NULL;
ALTER TABLE sessions ALTER COLUMN online SET NOT NULL;

-- The retention purge finds the sessions that started long ago.
CREATE INDEX sessions_by_start ON sessions (starts_at);

-- Sign-ups keep what she signed up for (session_title, session_start, place, copied as before) and
-- the session's version then; readers take the session's title, time and place from its row.
ALTER TABLE signups ADD COLUMN session_version integer;

-- A sign-up whose copy already differs from the session's new dates was made for other ones: changed.
UPDATE signups SET session_version = CASE
  WHEN s.starts_at = signups.session_start::timestamptz AND s.place IS NOT DISTINCT FROM signups.place THEN s.version
  ELSE 0
END
FROM sessions s
WHERE s.id = signups.session_id;

ALTER TABLE signups ALTER COLUMN session_version SET NOT NULL;

-- Bumped by every change to published content, so each server re-reads its catalog when it moves.
CREATE TABLE content_version (
  id integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);

INSERT INTO content_version (id, version) VALUES (1, 1);
