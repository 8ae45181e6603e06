-- The card index: one row per published card with what the feed's list needs, so a page of cards
-- is read by index (newest year first, then region code, then id) instead of mapping every
-- federation in memory. Written in the same transaction as the publish; the server fills rows
-- still missing at start (cardIndex.fillMissing), which is how this migration's table is first filled.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- C collation: the order is by code points, as the app's own paging compares (src/domain/filters.ts).
CREATE TABLE card_index (
  federation_id text COLLATE "C" PRIMARY KEY REFERENCES federations (id) ON DELETE CASCADE,
  year integer NOT NULL,
  region_code text COLLATE "C" NOT NULL,
  province_code text NOT NULL,
  city_code text,
  county_code text,
  topics text[] NOT NULL,
  -- Federation name and full place names (四川省 成都市): what 搜索 matches.
  search text NOT NULL,
  -- The programs on the card: its open count is worked out at request time from their sessions.
  program_ids text[] NOT NULL,
  -- The card as the feed shows it, less what depends on today (openProgramCount).
  card jsonb NOT NULL
);

-- The feed's order, and the same order within each level of region.
CREATE INDEX card_index_order ON card_index ((-year), region_code, federation_id);
CREATE INDEX card_index_province ON card_index (province_code, (-year), region_code, federation_id);
CREATE INDEX card_index_city ON card_index (city_code, (-year), region_code, federation_id) WHERE city_code IS NOT NULL;
CREATE INDEX card_index_county ON card_index (county_code, (-year), region_code, federation_id)
  WHERE county_code IS NOT NULL;
CREATE INDEX card_index_topics ON card_index USING gin (topics);
CREATE INDEX card_index_search ON card_index USING gin (search gin_trgm_ops);
