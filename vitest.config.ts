import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['{lib,simulator,components,app,cli,scripts,prisma}/**/*.test.{ts,tsx}'],
    // Device timestamps hide time-zone bugs under UTC; run every unit test in a non-UTC zone.
    env: { TZ: 'America/Sao_Paulo' },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
