-- An alarm's history is worded by the console in the operator's language: an assignment keeps who it went to in
-- its own column, and the server no longer writes English sentences into the note body. The escalation note the
-- server used to write carries nothing the kind does not say.
ALTER TABLE "AlarmNote" ADD COLUMN "assigneeName" TEXT;
UPDATE "AlarmNote" SET "body" = NULL WHERE "kind" = 'escalate' AND "body" = 'Not acknowledged in time';
