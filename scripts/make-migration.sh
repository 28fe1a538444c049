#!/usr/bin/env bash
# Writes a new SQL migration for BOTH providers from the change between the last committed
# prisma/schema.prisma and the working copy:  scripts/make-migration.sh <name>
# Prisma 7's migrate engine is a native download that offline machines cannot fetch; Prisma 6.19.3's
# wasm engine (engine: 'js') can diff schema files without a database, so it is installed into a cache dir.
set -euo pipefail
name=${1:?usage: scripts/make-migration.sh <name>}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${PRISMA6_DIR:-$HOME/.cache/prisma6-differ}
stamp=$(date -u +%Y%m%d%H%M%S)
mkdir -p "$work"
if [ ! -x "$work/node_modules/.bin/prisma" ]; then
  (cd "$work" && echo '{"private":true}' > package.json &&
    npm i --ignore-scripts --no-audit --no-fund prisma@6.19.3 @prisma/adapter-better-sqlite3@6.19.3 @prisma/adapter-pg@6.19.3 >/dev/null)
  rm -rf "$work/node_modules/better-sqlite3" && ln -s "$root/node_modules/better-sqlite3" "$work/node_modules/better-sqlite3"
fi
touch "$work/stub.sh" && chmod +x "$work/stub.sh"
cat > "$work/prisma.config.ts" <<'TS'
import { defineConfig } from 'prisma/config'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    return process.env.DIFF_PG ? new PrismaPg({ connectionString: 'postgresql://localhost/none' }) : new PrismaBetterSQLite3({ url: 'file::memory:' })
  },
})
TS
to_datamodel() { # $1 = schema text file, $2 = provider → datamodel the differ accepts
  sed -e "s#provider = \"sqlite\"#provider = \"$2\"#" -e 's#^datasource db {#datasource db {\n  url = env("DATABASE_URL")#' "$1" |
    sed '/^generator client {/,/^}/d' | { printf 'generator client {\n  provider = "prisma-client-js"\n  engineType = "client"\n}\n'; cat; }
}
git -C "$root" show HEAD:prisma/schema.prisma > "$work/old.prisma"
for provider in sqlite postgresql; do
  to_datamodel "$work/old.prisma" $provider > "$work/from.prisma"
  to_datamodel "$root/prisma/schema.prisma" $provider > "$work/to.prisma"
  dir=$root/prisma/migrations; [ $provider = postgresql ] && dir=$root/prisma/postgres/migrations
  mkdir -p "$dir/${stamp}_$name"
  (cd "$work" && env PRISMA_QUERY_ENGINE_LIBRARY="$work/stub.sh" PRISMA_SCHEMA_ENGINE_BINARY="$work/stub.sh" \
    DATABASE_URL=file:./x.db DIFF_PG=$([ $provider = postgresql ] && echo 1 || true) \
    ./node_modules/.bin/prisma migrate diff --from-schema-datamodel from.prisma --to-schema-datamodel to.prisma --script) \
    > "$dir/${stamp}_$name/migration.sql"
  echo "wrote $dir/${stamp}_$name/migration.sql"
done
(cd "$root" && npx tsx scripts/derive-pg-schema.ts)
