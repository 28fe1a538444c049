// The opaque cursor of the control-room order (priority, then oldest first): the priority and (firstAt, id) of
// the last alarm returned. Same encoding as lib/http/cursor.ts, with the priority beside the time and id.
import { z } from 'zod'
import { alarmPrioritySchema, type AlarmPriority } from '@/lib/domain/enums'
import { badRequest } from '@/lib/errors'

const cursorSchema = z.object({ p: alarmPrioritySchema, t: z.iso.datetime(), id: z.string().min(1) })
export type PriorityCursor = { priority: AlarmPriority; at: Date; id: string }

export function encodePriorityCursor(cursor: PriorityCursor): string {
  const body = { p: cursor.priority, t: cursor.at.toISOString(), id: cursor.id }
  return Buffer.from(JSON.stringify(body)).toString('base64url')
}

export function decodePriorityCursor(value: string | null | undefined): PriorityCursor | null {
  if (!value) return null
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')))
    return { priority: parsed.p, at: new Date(parsed.t), id: parsed.id }
  } catch {
    throw badRequest('cursor: not a cursor returned by this API for this order')
  }
}
