// POST /api/units: a unit in a building, named by the building's name. A building that does not exist yet is
// added to the site (and a site to a fresh install), so a new console can be set up from this page alone.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { isUniqueViolation } from '@/lib/db/errors'
import { runChange } from '@/lib/domain/run-change'
import { conflict } from '@/lib/errors'
import { createUnitSchema } from '@/lib/units/schema'
import { toUnitItem, unitInclude } from '@/lib/units/unit-item'

export async function createUnit(db: Db, actor: Actor, input: unknown, context: AuditContext) {
  const data = createUnitSchema.parse(input)
  return runChange(db, async ({ tx, audit }) => {
    let building = await tx.building.findFirst({ where: { name: data.building }, orderBy: { id: 'asc' } })
    if (!building) {
      const site =
        (await tx.site.findFirst({ orderBy: { createdAt: 'asc' } })) ??
        (await tx.site.create({ data: { name: 'Site' } }))
      building = await tx.building.create({ data: { siteId: site.id, name: data.building } })
    }
    const taken = await tx.unit.findUnique({
      where: { buildingId_label: { buildingId: building.id, label: data.label } },
    })
    if (taken) throw conflict(`${building.name} already has a unit ${data.label}`, 'unit_taken')
    const row = await tx.unit.create({
      data: { buildingId: building.id, label: data.label, floor: data.floor ?? null },
      include: unitInclude,
    })
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'unit.created',
      targetType: 'unit',
      targetId: row.id,
      details: { building: building.name, label: row.label, floor: row.floor },
      context,
    })
    return toUnitItem(row)
  }).catch((error: unknown) => {
    // Two admins adding the same unit at once: the unique index decides, the loser hears why.
    if (isUniqueViolation(error)) throw conflict(`${data.building} already has a unit ${data.label}`, 'unit_taken')
    throw error
  })
}
