import { z } from 'zod'
import { alarmInclude, toAlarmItem } from '@/lib/alarms/alarm-item'
import type { Db } from '@/lib/db/client'
import { alarmStateSchema, alarmTypeSchema } from '@/lib/domain/enums'
import { beforeCursor, decodeCursor, limitSchema, pageOf } from '@/lib/http/cursor'

export const alarmQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  state: alarmStateSchema.optional(),
  type: alarmTypeSchema.optional(),
  deviceId: z.string().min(1).optional(),
})

export async function listAlarms(db: Db, query: z.infer<typeof alarmQuerySchema>) {
  const rows = await db.alarm.findMany({
    where: {
      AND: [
        {
          ...(query.state ? { state: query.state } : {}),
          ...(query.type ? { type: query.type } : {}),
          ...(query.deviceId ? { deviceId: query.deviceId } : {}),
        },
        beforeCursor('lastAt', decodeCursor(query.cursor)),
      ],
    },
    orderBy: [{ lastAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: alarmInclude,
  })
  const page = pageOf(rows, query.limit, (r) => r.lastAt)
  return { items: page.items.map(toAlarmItem), nextCursor: page.nextCursor }
}
