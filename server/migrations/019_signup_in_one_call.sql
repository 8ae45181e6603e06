-- A sign-up in one round trip: the session's row locked, the facts read, her row inserted and the
-- session's counts moved, in one call, committed with it (no BEGIN, lock and COMMIT sent apart).
-- Inside a function each statement takes its own snapshot, so the facts are read after the lock,
-- as the statement after the lock reads them in Signups.submit's full path: none is stale.
-- It goes on only when the locked row is the one the caller decided on: `fingerprint` is the
-- session's row as the caller read it (to_jsonb, less the three counts that every sign-up moves),
-- and the caller checked her answers against the program's latest form (`form_version`).
-- Otherwise (changed since, or gone) it returns found_session false and writes nothing, and the
-- caller reads them again. The seat is the rule's: confirmed while the confirmed count is
-- below `confirm_below` (the caller's capacity less the seats taken elsewhere), waitlisted after.
-- Nothing is inserted when the facts refuse her (an earlier sign-up with this key, the same person
-- live on the session, the booker at her limit, no free ticket code): the caller says why.
CREATE FUNCTION signup_in_one_call(
  p_fingerprint jsonb, p_confirm_below integer, p_id text, p_client_id text, p_key text, p_session_id text,
  p_program_id text, p_name text, p_mobile text, p_answers jsonb, p_program_title text, p_federation_name text,
  p_session_title text, p_session_start text, p_online boolean, p_place text, p_created_at timestamptz,
  p_name_key text, p_session_version integer, p_form_version integer, p_booker text, p_codes text,
  p_wx_subscribed jsonb, p_booker_limit integer)
RETURNS TABLE (found_session boolean, confirmed_before integer, earlier_id text, person_live boolean,
  booker_count bigint, ticket text, seat text, row_seq bigint, row_created_at timestamptz, waitlisted_now integer)
LANGUAGE plpgsql AS $$
DECLARE
  v_fingerprint jsonb;
  v_code text;
BEGIN
  SELECT to_jsonb(x) - 'confirmed_count' - 'waitlisted_count' - 'cancelled_count', x.confirmed_count
    INTO v_fingerprint, confirmed_before
    FROM sessions x WHERE x.id = p_session_id FOR UPDATE;
  found_session := FOUND AND v_fingerprint = p_fingerprint
    AND p_form_version = coalesce((SELECT max(f.version) FROM form_versions f WHERE f.program_id = p_program_id), 1);
  IF NOT found_session THEN
    RETURN NEXT;
    RETURN;
  END IF;
  SELECT (SELECT g.id FROM signups g WHERE g.client_id = p_client_id AND g.idempotency_key = p_key),
    EXISTS (SELECT 1 FROM signups g WHERE g.session_id = p_session_id AND g.name_key = p_name_key
      AND g.mobile = p_mobile AND g.status <> 'cancelled'),
    (SELECT count(*) FROM signups g WHERE g.session_id = p_session_id AND g.booker = p_booker
      AND g.booker IS NOT NULL AND g.status <> 'cancelled')
    INTO earlier_id, person_live, booker_count;
  -- The first candidate code the session has not given, one index lookup each: the plan kept for
  -- these statements is a generic one, and a generic set-wise form of this reads all the session's
  -- codes (thousands on a busy session).
  FOREACH v_code IN ARRAY string_to_array(p_codes, ',') LOOP
    IF NOT EXISTS (SELECT 1 FROM signups g WHERE g.session_id = p_session_id AND g.ticket_code = v_code) THEN
      ticket := v_code;
      EXIT;
    END IF;
  END LOOP;
  IF earlier_id IS NOT NULL OR person_live OR booker_count >= p_booker_limit OR ticket IS NULL THEN
    RETURN NEXT;
    RETURN;
  END IF;
  seat := CASE WHEN confirmed_before < p_confirm_below THEN 'confirmed' ELSE 'waitlisted' END;
  INSERT INTO signups (id, client_id, idempotency_key, session_id, program_id, status, name, mobile, answers,
    program_title, federation_name, session_title, session_start, online, place, created_at, name_key,
    session_version, form_version, booker, ticket_code, wx_subscribed)
  VALUES (p_id, p_client_id, p_key, p_session_id, p_program_id, seat, p_name, p_mobile, p_answers,
    p_program_title, p_federation_name, p_session_title, p_session_start, p_online, p_place, p_created_at, p_name_key,
    p_session_version, p_form_version, p_booker, ticket, p_wx_subscribed)
  RETURNING signups.seq, signups.created_at INTO row_seq, row_created_at;
  UPDATE sessions x SET confirmed_count = x.confirmed_count + CASE WHEN seat = 'confirmed' THEN 1 ELSE 0 END,
    waitlisted_count = x.waitlisted_count + CASE WHEN seat = 'waitlisted' THEN 1 ELSE 0 END
  WHERE x.id = p_session_id
  RETURNING x.waitlisted_count INTO waitlisted_now;
  RETURN NEXT;
END
$$;
