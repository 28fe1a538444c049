// Where the e2e server runs and which database it uses; shared by playwright.config.ts and the fixtures.
/** Overridable so two checkouts can run their e2e suites side by side. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3199)
export const E2E_SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4199)
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`
/** Relative to the repository root (Playwright and the server both run there). */
export const E2E_DATA_DIR = 'data/e2e'
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./${E2E_DATA_DIR}/console.db`
