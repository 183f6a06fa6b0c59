-- The timeline (WorkflowEvent) is append-only like the audit log (hand-written; the schema engine
-- does not model triggers or functions, so `db:drift` ignores this block). DELETE is refused per
-- row and TRUNCATE per statement; an UPDATE only when it changes something other than "caseId":
-- a draft recommendation relinked to another supervision case takes its history with it
-- (lib/data/recommendations.ts editDraft), and nothing else about an event may change.
-- The app role gets no DELETE or TRUNCATE and UPDATE on "caseId" only (scripts/db/access.mjs);
-- the trigger holds for the owner too.
CREATE FUNCTION "workflow_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'caseId') IS NOT DISTINCT FROM (to_jsonb(OLD) - 'caseId') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'workflow events are append-only: % on "WorkflowEvent" is not allowed', TG_OP
        USING HINT = 'Record a new event instead of changing or removing an old one; only the supervision case an event belongs to ("caseId") may change.';
END;
$$;

CREATE TRIGGER "WorkflowEvent_append_only"
    BEFORE UPDATE OR DELETE ON "WorkflowEvent"
    FOR EACH ROW EXECUTE FUNCTION "workflow_event_append_only"();

CREATE TRIGGER "WorkflowEvent_no_truncate"
    BEFORE TRUNCATE ON "WorkflowEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "workflow_event_append_only"();
