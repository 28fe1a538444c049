-- The console language each operator chose in the user menu (BCP 47 tag); null = follow the browser.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
