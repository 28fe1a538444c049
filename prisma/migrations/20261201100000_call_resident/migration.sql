-- A door call names the resident the door station recognised as the caller (its person id matched to the register),
-- so the call dialog can show the capture beside that resident's enrolled photo. Cleared if the resident is deleted.
ALTER TABLE "Call" ADD COLUMN "residentId" TEXT REFERENCES "Resident" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Call_residentId_idx" ON "Call"("residentId");
