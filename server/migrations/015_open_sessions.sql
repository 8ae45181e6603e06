-- The 可报名 list across all federations: one row per program of a published card with what a list
-- row shows and what it is filtered by (topic and region codes live in the federation's document,
-- not on sessions). Written with the card index, in the same transaction (indexCard), so a publish,
-- an unpublish or a program edit moves it at once; sessions are read live, so a new, moved or
-- cancelled session needs no write here.
CREATE TABLE program_index (
  program_id text PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
  federation_id text NOT NULL REFERENCES federations (id) ON DELETE CASCADE,
  program_title text NOT NULL,
  federation_name text NOT NULL,
  topic text NOT NULL,
  province_code text NOT NULL,
  city_code text,
  county_code text
);

CREATE INDEX program_index_federation ON program_index (federation_id);
CREATE INDEX program_index_province ON program_index (province_code);
CREATE INDEX program_index_city ON program_index (city_code) WHERE city_code IS NOT NULL;
CREATE INDEX program_index_county ON program_index (county_code) WHERE county_code IS NOT NULL;
CREATE INDEX program_index_topic ON program_index (topic);

-- Sessions taking sign-ups, in the list's order (deadline, then id): a page walks this index from
-- its cursor, reading no cancelled session and no session of the past.
CREATE INDEX sessions_open_by_deadline ON sessions (deadline_at, id) WHERE status = 'open';

-- Cards already indexed get their programs' rows now; cards indexed later (fillMissingCardIndex)
-- get them from indexCard.
INSERT INTO program_index (program_id, federation_id, program_title, federation_name, topic, province_code, city_code,
  county_code)
SELECT p ->> 'id', f.id, p ->> 'title', coalesce(f.doc -> 'federation' ->> 'name', f.name), p ->> 'topic',
  ci.province_code, ci.city_code, ci.county_code
FROM card_index ci
JOIN federations f ON f.id = ci.federation_id
CROSS JOIN jsonb_array_elements(coalesce(f.doc -> 'programs', '[]'::jsonb)) AS p
WHERE f.published AND p ->> 'topic' IS NOT NULL AND EXISTS (SELECT 1 FROM programs pr WHERE pr.id = p ->> 'id')
ON CONFLICT (program_id) DO NOTHING;
