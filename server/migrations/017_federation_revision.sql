-- Each federation's revision: moved by the database itself whenever its document or its published
-- flag changes, whoever writes it (a publish, a program edit, a command, another server). A server
-- keeps only some documents in memory; when content_version moves it asks for the revisions of the
-- ones it holds and drops only those that changed, instead of re-reading every federation.
ALTER TABLE federations ADD COLUMN revision bigint NOT NULL DEFAULT 1;

-- One line: migrations are split on ";" at line ends.
CREATE FUNCTION federation_revised() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.revision := OLD.revision + 1; RETURN NEW; END $$;

CREATE TRIGGER federations_revised BEFORE UPDATE ON federations FOR EACH ROW
  WHEN (OLD.doc IS DISTINCT FROM NEW.doc OR OLD.published IS DISTINCT FROM NEW.published)
  EXECUTE FUNCTION federation_revised();
