-- Retention and the audit trail. Deleting a snapshot sets the references to it to NULL; without an index on each
-- referencing column that is a scan of the whole table per deleted snapshot (minutes at 1M access events), so the
-- purge gets one index per reference. The audit trail is searched by object ("who looked at this resident").
CREATE INDEX "AccessEvent_snapshotId_idx" ON "AccessEvent"("snapshotId");
CREATE INDEX "Call_snapshotId_idx" ON "Call"("snapshotId");
CREATE INDEX "Alarm_snapshotId_idx" ON "Alarm"("snapshotId");
CREATE INDEX "Credential_photoId_idx" ON "Credential"("photoId");
CREATE INDEX "AuditLog_targetId_at_idx" ON "AuditLog"("targetId", "at");

-- Audit rows are append-only: no UPDATE, except the actor link cleared when a user row is deleted (ON DELETE SET
-- NULL on actorId, with every other column unchanged). Deleting is left to retention.
CREATE FUNCTION "AuditLog_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."actorId" IS NOT NULL AND NEW."actorId" IS NULL
     AND (NEW."id", NEW."at", NEW."actorLabel", NEW."action", NEW."targetType", NEW."targetId", NEW."ip",
          NEW."userAgent", NEW."details")
         IS NOT DISTINCT FROM
         (OLD."id", OLD."at", OLD."actorLabel", OLD."action", OLD."targetType", OLD."targetId", OLD."ip",
          OLD."userAgent", OLD."details")
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: rows are never updated';
END
$$;
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "AuditLog_append_only"();
