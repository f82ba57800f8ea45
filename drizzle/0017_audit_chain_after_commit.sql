-- ADR 0015: audited writes no longer serialise on one lock. An event is numbered by a sequence at insert and
-- linked into the SM3 chain shortly after commit by a single chaining step, which fills prev_seq, prev_hash and
-- hash exactly once. Events already in the trail keep their links (they have no prev_seq: their numbers were
-- gap-free).
CREATE SEQUENCE "public"."audit_events_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
SELECT setval('audit_events_seq', COALESCE((SELECT max(seq) FROM audit_events), 0) + 1, false);--> statement-breakpoint
-- The transaction takes its id before its number: the chainer waits for every transaction older than an id it
-- takes after reading the sequence, so an event numbered before that read has committed or rolled back by then.
CREATE OR REPLACE FUNCTION audit_next_seq() RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_current_xact_id();
  RETURN nextval('audit_events_seq');
END;
$$;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "seq" SET DEFAULT audit_next_seq();--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_seq" bigint;--> statement-breakpoint
-- Still append-only: the one change allowed is the chaining step linking an unlinked event, leaving every other
-- column as it was. Anything else (editing content, re-linking, deleting, truncating) is refused.
CREATE OR REPLACE FUNCTION audit_events_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND OLD.prev_hash IS NULL AND OLD.prev_seq IS NULL
       AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.prev_seq IS NOT NULL
       AND (to_jsonb(NEW) - ARRAY['prev_seq', 'prev_hash', 'hash']) = (to_jsonb(OLD) - ARRAY['prev_seq', 'prev_hash', 'hash'])
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = '审计日志只允许追加，不允许修改或删除';
END;
$$;--> statement-breakpoint
-- Room on each page for the one chaining update, so it stays a heap-only update next to the row.
ALTER TABLE "audit_events" SET (fillfactor = 90);
