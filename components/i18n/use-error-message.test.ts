// A refusal travels from the server's error body to the operator's language: the field issues the server derives
// from its schemas (and its own checks) are said from their reasons, a conflict from its reason, a known code
// from the catalogue, and the server's English only when nothing else is known.
import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiError } from '@/components/data/api-client'
import { sayError, type Say } from '@/components/i18n/use-error-message'
import { pinPolicyRefusals, pinRefusalFields } from '@/lib/credentials/pin-policy'
import { conflict, invalidField } from '@/lib/errors'
import { errorResponse } from '@/lib/http/error-response'
import { because } from '@/lib/http/field-issues'
import en from '@/messages/en.json'
import zh from '@/messages/zh-CN.json'

const catalogues = { en, 'zh-CN': zh } as const
function speaker(locale: keyof typeof catalogues) {
  const t = createTranslator({ locale, messages: catalogues[locale] })
  return (error: unknown) => sayError(t as unknown as Say, catalogues[locale], error)
}

/** What the browser's API client makes of the server's answer to this thrown error. */
async function asReceived(thrown: unknown): Promise<ApiError> {
  const response = errorResponse(thrown)
  const body = await response.json()
  return new ApiError(response.status, body.error.code, body.error.message, body)
}

const form = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(5),
    email: z.email(),
    days: z.object({ calls: z.number().int().min(7) }),
    kind: z.enum(['owner', 'tenant']),
    phone: z
      .string()
      .refine((v) => v.length > 4, { message: 'phone: too few digits', params: because('phone_digits') }),
  })
  .strict()

function zodFailure(input: unknown) {
  const parsed = form.safeParse(input)
  if (parsed.success) throw new Error('expected a refusal')
  return parsed.error
}

describe('a refused form, as the operator reads it', () => {
  it('keeps the English wire format and adds machine-readable reasons', async () => {
    const error = await asReceived(zodFailure({ name: '', email: 'x', days: { calls: 2.5 }, kind: 'x', phone: '1' }))
    const body = error.body as { error: { message: string; details: { issues: string[]; fields: unknown[] } } }
    expect(body.error.message).toMatch(/^name: name is required; email: /)
    expect(body.error.details.issues[0]).toBe('name: name is required')
    expect(body.error.details.fields).toEqual([
      { path: 'name', reason: 'required' },
      { path: 'email', reason: 'invalid_email' },
      { path: 'days.calls', reason: 'not_integer' },
      { path: 'kind', reason: 'not_one_of', values: ['owner', 'tenant'] },
      { path: 'phone', reason: 'phone_digits' },
    ])
  })

  it('calls a field left out "required", whatever type it wanted', async () => {
    const error = await asReceived(zodFailure({ email: 'a@b.co', kind: 'owner', phone: '12345' }))
    const body = error.body as { error: { details: { fields: unknown[] } } }
    expect(body.error.details.fields).toEqual([
      { path: 'name', reason: 'required' },
      { path: 'days', reason: 'required' },
    ])
  })

  it('is said in Chinese from the reasons, with the fields named, and no English left', async () => {
    const error = await asReceived(
      zodFailure({
        name: 'far too long',
        email: 'a@b.co',
        days: { calls: 3 },
        kind: 'owner',
        phone: '12345',
        extra: 1,
      }),
    )
    const said = speaker('zh-CN')(error)
    expect(said).toBe('请求无效：名称：最多 5 个字符；门口呼叫：不能小于 7；此表单不接受以下字段：extra')
    expect(speaker('en')(error)).toBe(
      'The request was not valid: Name: Use at most 5 characters; Door calls: Must be at least 7; Not a field this form accepts: extra',
    )
  })

  it('says a check written in code, and a weak PIN rule by rule', async () => {
    const unit = await asReceived(invalidField('unitId: no such unit', { path: 'unitId', reason: 'unknown_reference' }))
    expect(speaker('zh-CN')(unit)).toBe('请求无效：房屋：所选项目已不存在，请刷新后重新选择')
    const refusals = pinPolicyRefusals('121212', { phone: '+86 138 0012 1212' })
    const { AppError } = await import('@/lib/errors')
    const pin = await asReceived(
      new AppError('weak_pin', refusals.map((r) => r.message).join('; '), 400, { fields: pinRefusalFields(refusals) }),
    )
    expect(speaker('zh-CN')(pin)).toBe('密码太容易被猜到：不能重复简单的数字组合；不能使用住户手机号码的末尾几位')
  })

  it('says a conflict by its reason, with its limit', async () => {
    const error = await asReceived(conflict('A resident holds at most 4 cards: remove one first', 'too_many_cards', 4))
    expect(speaker('zh-CN')(error)).toBe('每位住户最多持有 4 张门卡：请先删除一张。')
    const taken = await asReceived(conflict('a user with email a@b.co already exists', 'email_taken'))
    expect(speaker('en')(taken)).toBe('An operator with this email already exists.')
  })

  it('falls back to the code, then to the server’s words', async () => {
    expect(speaker('zh-CN')(new ApiError(409, 'conflict', 'changed'))).toBe(zh.errors.conflict)
    expect(speaker('en')(new ApiError(418, 'teapot', 'I am a teapot'))).toBe('Something went wrong: I am a teapot')
    expect(speaker('zh-CN')({ code: 'no_public_url', message: 'Faces are sent…' })).toBe(zh.errors.no_public_url)
  })

  it('ignores field issues of the wrong shape instead of failing', () => {
    const hostile = new ApiError(400, 'bad_request', 'x: bad', {
      error: {
        code: 'bad_request',
        message: 'x: bad',
        details: { fields: [null, 3, { path: 1 }, { path: 'x', reason: 'new_rule' }] },
      },
    })
    expect(speaker('en')(hostile)).toBe('The request was not valid: x: This value is not valid')
  })
})
