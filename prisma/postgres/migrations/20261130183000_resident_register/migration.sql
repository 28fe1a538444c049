-- The resident register becomes editable and is pushed to the doors: resident kind/notes/version/erasure,
-- unique active cards and PINs, device groups, per-resident door grants, and the sync queue as one row per
-- resident × device. The old DeviceSync table (one row per credential push) held only demo seed rows; the
-- queue is rebuilt from the register by the sync worker, so it is dropped and recreated.
ALTER TABLE "Resident" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'owner';
ALTER TABLE "Resident" ADD COLUMN "notes" TEXT;
ALTER TABLE "Resident" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Resident" ADD COLUMN "erasedAt" TIMESTAMP(3);
CREATE INDEX "Resident_status_name_idx" ON "Resident"("status", "name");

ALTER TABLE "Credential" ADD COLUMN "uniqueKey" TEXT;
ALTER TABLE "Credential" ADD COLUMN "quality" TEXT;
CREATE UNIQUE INDEX "Credential_uniqueKey_key" ON "Credential"("uniqueKey");

DROP TABLE "DeviceSync";
CREATE TABLE "DeviceSync" (
    "id" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "generation" INTEGER NOT NULL DEFAULT 1,
    "syncedGeneration" INTEGER NOT NULL DEFAULT 0,
    "applied" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeviceSync_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DeviceSync_residentId_deviceId_key" ON "DeviceSync"("residentId", "deviceId");
CREATE INDEX "DeviceSync_deviceId_idx" ON "DeviceSync"("deviceId");
CREATE INDEX "DeviceSync_state_nextAttemptAt_idx" ON "DeviceSync"("state", "nextAttemptAt");
ALTER TABLE "DeviceSync" ADD CONSTRAINT "DeviceSync_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DeviceSync" ADD CONSTRAINT "DeviceSync_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "DeviceGroup" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeviceGroup_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DeviceGroup_name_key" ON "DeviceGroup"("name");

CREATE TABLE "DeviceGroupMember" (
    "groupId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,

    CONSTRAINT "DeviceGroupMember_pkey" PRIMARY KEY ("groupId", "deviceId")
);
CREATE INDEX "DeviceGroupMember_deviceId_idx" ON "DeviceGroupMember"("deviceId");
ALTER TABLE "DeviceGroupMember" ADD CONSTRAINT "DeviceGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "DeviceGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DeviceGroupMember" ADD CONSTRAINT "DeviceGroupMember_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ResidentDeviceGrant" (
    "residentId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResidentDeviceGrant_pkey" PRIMARY KEY ("residentId", "deviceId")
);
CREATE INDEX "ResidentDeviceGrant_deviceId_idx" ON "ResidentDeviceGrant"("deviceId");
ALTER TABLE "ResidentDeviceGrant" ADD CONSTRAINT "ResidentDeviceGrant_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResidentDeviceGrant" ADD CONSTRAINT "ResidentDeviceGrant_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ResidentGroupGrant" (
    "residentId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResidentGroupGrant_pkey" PRIMARY KEY ("residentId", "groupId")
);
CREATE INDEX "ResidentGroupGrant_groupId_idx" ON "ResidentGroupGrant"("groupId");
ALTER TABLE "ResidentGroupGrant" ADD CONSTRAINT "ResidentGroupGrant_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResidentGroupGrant" ADD CONSTRAINT "ResidentGroupGrant_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "DeviceGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;
