-- The device page shows what the door is: its product name and model and its firmware versions, read from Tuya's
-- device list, device details and firmware endpoints during the periodic device sync (details once a day).
ALTER TABLE "Device" ADD COLUMN "productName" TEXT;
ALTER TABLE "Device" ADD COLUMN "productModel" TEXT;
ALTER TABLE "Device" ADD COLUMN "firmware" TEXT;
ALTER TABLE "Device" ADD COLUMN "detailsReadAt" DATETIME;
