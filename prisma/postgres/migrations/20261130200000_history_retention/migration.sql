-- Retention and the audit trail. Deleting a snapshot sets the references to it to NULL; without an index on each
-- referencing column that is a scan of the whole table per deleted snapshot (minutes at 1M access events), so the
-- purge gets one index per reference. The audit trail is searched by object ("who looked at this resident").
CREATE INDEX "AccessEvent_snapshotId_idx" ON "AccessEvent"("snapshotId");
CREATE INDEX "Call_snapshotId_idx" ON "Call"("snapshotId");
CREATE INDEX "Alarm_snapshotId_idx" ON "Alarm"("snapshotId");
CREATE INDEX "Credential_photoId_idx" ON "Credential"("photoId");
CREATE INDEX "AuditLog_targetId_at_idx" ON "AuditLog"("targetId", "at");

-- Audit rows are append-only. Two updates are let through, each changing one column and nothing else: the actor
-- link cleared when a user row is deleted (ON DELETE SET NULL on actorId), and the right to erasure redacting the
-- personal values an entry's details held (the new details carry the "[erased]" marker). Deleting is left to
-- retention.
CREATE FUNCTION "AuditLog_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."id", NEW."at", NEW."actorLabel", NEW."action", NEW."targetType", NEW."targetId", NEW."ip", NEW."userAgent")
       IS NOT DISTINCT FROM
     (OLD."id", OLD."at", OLD."actorLabel", OLD."action", OLD."targetType", OLD."targetId", OLD."ip", OLD."userAgent")
     AND (
       (OLD."actorId" IS NOT NULL AND NEW."actorId" IS NULL AND NEW."details" IS NOT DISTINCT FROM OLD."details")
       OR (NEW."actorId" IS NOT DISTINCT FROM OLD."actorId" AND NEW."details" LIKE '%[erased]%')
     )
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: rows are never updated';
END
$$;
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "AuditLog_append_only"();
