// Gives a demo resident an enrolled face photo in the e2e server's database (support/seed-enrolled-photo.ts, run
// under tsx in a child process: the app's modules are ESM in places): the portrait the simulator hosts.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { E2E_DATABASE_URL } from '../e2e-env'
import { E2E_SIM_URL } from './simulator-control'

export function seedEnrolledPhoto(residentId: string) {
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 'seed-enrolled-photo.ts'),
      residentId,
      `${E2E_SIM_URL}/_sim/enrolment/${residentId}.jpg`,
    ],
    {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
}
