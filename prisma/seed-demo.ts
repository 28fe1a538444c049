// Demo mode: the building the built-in simulator plays (simulator/demo-building.ts, same ids), its residents'
// credentials and doors in step with the simulated devices (prisma/seed-demo-doors.ts), and three demo
// operators. Runs at start-up, only into an empty database; passwords are random and printed once.
import { randomBytes } from 'node:crypto'
import type { Db } from '@/lib/db/client'
import type { Role } from '@/lib/domain/enums'
import { createUser } from '@/lib/users/mutations'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { createSnapshotPool } from '@/simulator/media/snapshot-images'
import { seedDemoDoors } from '@/prisma/seed-demo-doors'

export type DemoCredentials = { email: string; password: string; role: Role }[]

export async function seedDemoBuilding(db: Db, sealKey: string): Promise<boolean> {
  if ((await db.site.count()) > 0) return false
  const b = DEMO_BUILDING
  const portraits = await createSnapshotPool(b.residents) // rendered before the transaction: it takes a moment
  await db.$transaction(
    async (tx) => {
      await tx.site.create({ data: { id: b.site.id, name: b.site.name, timezone: b.site.timeZone } })
      for (const block of b.blocks)
        await tx.building.create({ data: { id: block.id, siteId: b.site.id, name: block.name } })
      for (const unit of b.units) {
        await tx.unit.create({
          data: { id: unit.id, buildingId: unit.blockId, label: unit.label, floor: String(unit.floor) },
        })
      }
      for (const r of b.residents) {
        await tx.resident.create({
          data: { id: r.id, name: r.name, unitId: r.unitId, phone: r.phone, externalId: r.tuyaPersonId },
        })
      }
      const deviceIds = new Map<string, string>()
      for (const d of b.devices) {
        const device = await tx.device.create({
          data: {
            tuyaId: d.id,
            name: d.name,
            category: d.kind,
            tuyaCategory: d.category,
            productId: d.productId,
            productName: d.productName,
            location: d.location,
            buildingId: d.blockId,
            online: d.online,
          },
        })
        deviceIds.set(d.id, device.id)
        for (const m of d.members) {
          const slots: [string, number | undefined][] = [
            ['face', m.faceSlot],
            ['card', m.cardSlot],
            ['password', m.passwordSlot],
            ['fingerprint', m.fingerprintSlot],
            ['password', m.duressPasswordSlot],
          ]
          for (const [method, slot] of slots) {
            if (slot === undefined) continue
            await tx.credentialSlot.create({
              data: { deviceId: device.id, method, slot: String(slot), residentId: m.residentId },
            })
          }
        }
      }
      await seedDemoDoors(tx, { building: b, deviceIds, sealKey, portraits })
    },
    { timeout: 60_000 },
  )
  return true
}

export async function seedDemoUsers(db: Db): Promise<DemoCredentials> {
  if ((await db.user.count()) > 0) return []
  const created: DemoCredentials = []
  for (const role of ['guard', 'admin', 'manager'] as const) {
    const email = `${role}@demo.local`
    const password = randomBytes(9).toString('base64url')
    await createUser(db, { email, password, role, name: `Demo ${role}` })
    created.push({ email, password, role })
  }
  return created
}
