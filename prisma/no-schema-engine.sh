#!/bin/sh
echo "prisma schema-engine is not available offline; migrations are applied by lib/db/migrate.ts" >&2
exit 1
