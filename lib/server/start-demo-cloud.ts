// Demo mode: the built-in Tuya Cloud simulator in this process, plus the demo building and operators.
import type { AppEnv } from '@/lib/env'
import type { Db } from '@/lib/db/client'
import { updateAppStatus } from '@/lib/server/app-status'
import { DEMO_CREDENTIALS_FILE } from '@/lib/tuya/demo-credentials'
import { seedDemoBuilding, seedDemoUsers } from '@/prisma/seed-demo'
import { startSimulator } from '@/simulator/start-simulator'

export async function startDemoCloud(env: AppEnv, db: Db, sealKey: string) {
  const simulator = await startSimulator({
    port: env.simulator.port,
    accessId: env.tuya.accessId,
    accessSecret: env.tuya.accessSecret,
    demoPerMinute: env.simulator.demoPerMinute,
  })
  updateAppStatus({ simulatorListening: true })
  await seedDemoBuilding(db, sealKey)
  const credentials = await seedDemoUsers(db)
  if (credentials.length) {
    console.log('\n  Demo operators (shown once; create more with `npm run cli -- user:create`):')
    for (const c of credentials) console.log(`    ${c.role.padEnd(8)} ${c.email.padEnd(20)} ${c.password}`)
    console.log('')
  }
  console.log(`> Tuya Cloud simulator on ${simulator.url} (demo traffic ${env.simulator.demoPerMinute}/min)`)
  console.log(
    env.tuya.credentialSource === 'environment'
      ? `> Demo credentials: TUYA_ACCESS_ID/TUYA_ACCESS_SECRET from the environment (Access ID ${env.tuya.accessId})`
      : `> Demo credentials: generated for this installation, kept in data/${DEMO_CREDENTIALS_FILE} (Access ID ${env.tuya.accessId})`,
  )
  return {
    async close() {
      updateAppStatus({ simulatorListening: false })
      await simulator.close()
    },
  }
}
