-- Request counts for the rate limit, shared by every server instance on this database: one row
-- per key (a verified booker, or a client address) with the start of its current window. The
-- upsert's row lock makes two instances count one after the other.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits > 0)
);

-- The sweep deletes windows that ended, the oldest first, without reading the live ones.
CREATE INDEX rate_limits_by_window ON rate_limits (window_start);
