-- 0002_change_notifications: tell every app replica when an evaluation changes, so each can drop its
-- cached copy. NOTIFY is transactional: listeners hear of a change only once it is committed.
-- Payload: '<region>:<evaluation id>', or '*' when something every cached copy shows has changed
-- (a user's display name, an organisation's name).

CREATE FUNCTION notify_evaluation_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jixiao_evaluations', OLD.region || ':' || OLD.id::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER evaluations_notify_change
  AFTER UPDATE OR DELETE ON evaluations
  FOR EACH ROW EXECUTE FUNCTION notify_evaluation_change();

CREATE FUNCTION notify_all_evaluations() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jixiao_evaluations', '*');
  RETURN NULL;
END
$$;

CREATE TRIGGER users_notify_change
  AFTER UPDATE OF display_name ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_evaluations();

CREATE TRIGGER orgs_notify_change
  AFTER UPDATE OF name, path ON orgs
  FOR EACH STATEMENT EXECUTE FUNCTION notify_all_evaluations();
