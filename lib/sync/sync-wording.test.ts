// The console words every failure code and note the door sync can store in the operator's language (the
// catalogue test keeps the other languages in step with English): a new code without a sentence fails here.
import { describe, expect, it } from 'vitest'
import { SYNC_NOTES } from '@/lib/sync/desired-state'
import { OFFLINE_CODES, syncError } from '@/lib/sync/sync-failure'
import en from '@/messages/en.json'

const failures = Object.keys(en.sync.failures)

describe('door sync wording', () => {
  it('has a sentence for each note a device row can carry', () => {
    expect(Object.keys(en.sync.notes).sort()).toEqual([...SYNC_NOTES].sort())
  })

  it('has a sentence for each code our own code raises, and for the offline and transport failures', () => {
    const ours = [
      syncError.noPublicUrl().code,
      syncError.pinUnreadable('c').code,
      'internal',
      'timeout',
      'network',
      'invalid_response',
    ]
    for (const code of [...ours, ...OFFLINE_CODES]) expect(failures, code).toContain(code)
  })

  it('words the Tuya codes the sync meets most: token expiry, permission, held number, rate limits, 5xx', () => {
    for (const code of ['500', '1010', '1106', '1109', '1110', '1199']) expect(failures, code).toContain(code)
  })
})
