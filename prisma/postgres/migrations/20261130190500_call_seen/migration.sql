-- A missed call stays listed as missed until a guard marks it seen (POST /api/calls/{id}/seen).
ALTER TABLE "Call" ADD COLUMN "seenAt" TIMESTAMP(3);
ALTER TABLE "Call" ADD COLUMN "seenById" TEXT;
ALTER TABLE "Call" ADD COLUMN "seenByName" TEXT;
