import { describe, expect, it } from 'vitest'
import { accessQuerySchema } from '@/lib/access/schema'
import { alarmQuerySchema } from '@/lib/alarms/data'
import { auditQuerySchema } from '@/lib/audit/schema'
import { callQuerySchema } from '@/lib/calls/data'
import { apiPaths, withQuery } from '@/lib/http/api-paths'
import { inboundQuerySchema } from '@/lib/ingest/schema'
import { residentQuerySchema } from '@/lib/residents/schema'

/** What a route handler reads from the URL (`queryOf`). */
const queryOf = (url: string) => Object.fromEntries(new URL(url, 'http://console.test').searchParams)
const pathOf = (url: string) => new URL(url, 'http://console.test').pathname

describe('the URL builder', () => {
  it('leaves out empty filters, so no filter means no query string', () => {
    expect(withQuery('/api/x', { a: undefined, b: null, c: '' })).toBe('/api/x')
    expect(apiPaths.accessEvents()).toBe('/api/access-events')
    expect(apiPaths.alarms({ state: undefined }, { cursor: null })).toBe('/api/alarms')
  })

  it('encodes values, so a search with &, = or spaces stays one parameter', () => {
    const url = apiPaths.residents({ q: 'Zoë & Ana=1 #2' }, { limit: 50 })
    expect(url).toBe('/api/residents?q=Zo%C3%AB+%26+Ana%3D1+%232&limit=50')
    expect(queryOf(url)).toEqual({ q: 'Zoë & Ana=1 #2', limit: '50' })
  })

  it('sends every access-log filter the way the server reads it', () => {
    const filters = {
      from: '2026-11-01T03:00:00.000Z',
      to: '2026-11-02T02:59:59.000Z',
      method: 'face',
      deviceId: 'dev 1',
      residentId: 'res/1',
      result: 'denied',
    } as const
    const url = apiPaths.accessEvents(filters, { limit: 50, cursor: 'abc_-1' })
    expect(pathOf(url)).toBe('/api/access-events')
    expect(accessQuerySchema.parse(queryOf(url))).toEqual({
      ...filters,
      from: new Date(filters.from),
      to: new Date(filters.to),
      limit: 50,
      cursor: 'abc_-1',
    })
  })

  it('builds the CSV export with the same filters and no paging', () => {
    const url = apiPaths.accessEventsCsv({ method: 'card', result: 'granted' })
    expect(url).toBe('/api/access-events/export?format=csv&method=card&result=granted')
  })

  it.each([
    ['calls', apiPaths.calls({ state: 'ringing', deviceId: 'd1' }, { limit: 20 }), callQuerySchema],
    ['alarms', apiPaths.alarms({ state: 'open', type: 'tamper', deviceId: 'd1' }, { limit: 100 }), alarmQuerySchema],
    [
      'audit',
      apiPaths.audit({ action: 'device.unlock', user: 'u1', object: 'resident:r1' }, { cursor: 'c' }),
      auditQuerySchema,
    ],
    [
      'inbound',
      apiPaths.inboundMessages({ outcome: 'partial', deviceTuyaId: 't1' }, { limit: 20 }),
      inboundQuerySchema,
    ],
    ['residents', apiPaths.residents({ q: 'ana', unitId: 'u 1', status: 'suspended' }), residentQuerySchema],
  ])('sends every %s filter as a parameter the server accepts', (_name, url, schema) => {
    const query = queryOf(url)
    const parsed: Record<string, unknown> = schema.parse(query)
    for (const [key, value] of Object.entries(query)) expect(String(parsed[key])).toBe(value)
  })

  it('encodes ids in paths', () => {
    expect(apiPaths.callResponse('c/1', 'answer')).toBe('/api/calls/c%2F1/answer')
    expect(apiPaths.alarmAction('a?1', 'resolve')).toBe('/api/alarms/a%3F1/resolve')
    expect(apiPaths.deviceUnlock('d 1')).toBe('/api/devices/d%201/unlock')
    expect(apiPaths.token('t#1')).toBe('/api/tokens/t%231')
    expect(apiPaths.user('u/1')).toBe('/api/users/u%2F1')
    expect(apiPaths.snapshot('s1')).toBe('/api/snapshots/s1')
    expect(apiPaths.resident('r/1')).toBe('/api/residents/r%2F1')
    expect(apiPaths.residentDevices('r 1')).toBe('/api/residents/r%201/devices')
    expect(apiPaths.deviceGroup('g?1', { version: 3 })).toBe('/api/device-groups/g%3F1?version=3')
    expect(apiPaths.deviceGroup('g1')).toBe('/api/device-groups/g1')
  })

  it('asks the import for a dry run only when told to', () => {
    expect(apiPaths.residentsImport({ dryRun: true })).toBe('/api/residents/import?dryRun=1')
    expect(apiPaths.residentsImport({ dryRun: false })).toBe('/api/residents/import')
  })

  it('names the fixed routes', () => {
    expect([apiPaths.devices(), apiPaths.users(), apiPaths.tokens(), apiPaths.me()]).toEqual([
      '/api/devices',
      '/api/users',
      '/api/tokens',
      '/api/me',
    ])
    expect([apiPaths.units(), apiPaths.deviceGroups()]).toEqual(['/api/units', '/api/device-groups'])
  })
})
