import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { beforeCursor, decodeCursor, encodeCursor, limitSchema, pageOf } from '@/lib/http/cursor'

describe('keyset cursors', () => {
  it('round-trips (time, id) through an opaque base64url string', () => {
    const at = new Date('2026-11-25T10:00:00.123Z')
    const cursor = encodeCursor(at, 'evt_1')
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor)).toEqual({ at, id: 'evt_1' })
  })

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined)).toBeNull()
    expect(decodeCursor('')).toBeNull()
    expect(beforeCursor('at', null)).toEqual({})
  })

  it.each([
    'garbage',
    Buffer.from('{"t":"yesterday","id":"x"}').toString('base64url'),
    Buffer.from('{"t":"2026-11-25T10:00:00Z"}').toString('base64url'),
  ])('rejects a cursor it did not issue (%s) with a 400', (value) => {
    let caught: unknown
    try {
      decodeCursor(value)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    expect(caught).toMatchObject({ status: 400, code: 'bad_request', message: expect.stringMatching(/^cursor:/) })
  })

  it('pages strictly after the cursor, breaking time ties by id', () => {
    const at = new Date('2026-11-25T10:00:00Z')
    expect(beforeCursor('occurredAt', { at, id: 'b' })).toEqual({
      occurredAt: { lte: at },
      OR: [{ occurredAt: { lt: at } }, { occurredAt: at, id: { lt: 'b' } }],
    })
  })

  it('returns a next cursor only when there are more rows than the limit', () => {
    const rows = ['c', 'b', 'a'].map((id, i) => ({ id, at: new Date(Date.UTC(2026, 10, 25, 10, 0, 3 - i)) }))
    const first = pageOf(rows, 2, (r) => r.at)
    expect(first.items.map((r) => r.id)).toEqual(['c', 'b'])
    expect(decodeCursor(first.nextCursor)).toEqual({ at: rows[1].at, id: 'b' })
    expect(pageOf(rows.slice(2), 2, (r) => r.at)).toEqual({ items: [rows[2]], nextCursor: null })
  })

  it('limits to 1–200, default 50', () => {
    expect(limitSchema.parse(undefined)).toBe(50)
    expect(limitSchema.parse('200')).toBe(200)
    expect(limitSchema.safeParse('201').error?.issues[0].message).toBe('limit: at most 200')
    expect(limitSchema.safeParse('0').error?.issues[0].message).toBe('limit: at least 1')
    expect(limitSchema.safeParse('1.5').success).toBe(false)
  })
})
