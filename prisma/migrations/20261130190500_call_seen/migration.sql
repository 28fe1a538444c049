-- A missed call stays listed as missed until a guard marks it seen (POST /api/calls/{id}/seen).
ALTER TABLE "Call" ADD COLUMN "seenAt" DATETIME;
ALTER TABLE "Call" ADD COLUMN "seenById" TEXT;
ALTER TABLE "Call" ADD COLUMN "seenByName" TEXT;
