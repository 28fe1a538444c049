-- Sessions signed with an older version end at once (disable / role change).
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
