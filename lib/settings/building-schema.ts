// The building settings as the API shows and takes them (browser-safe): the building's time zone, an IANA name
// that this runtime knows (Intl.supportedValuesOf('timeZone')). Every screen, CSV and report shows local time in it.
import { z } from 'zod'
import { because } from '@/lib/http/field-issues'
import { isTimeZone } from '@/lib/time/zoned-time'

export const buildingSettingsSchema = z.object({
  timeZone: z.string(),
  /** The site the zone belongs to (null until one exists). */
  siteName: z.string().nullable(),
})
export type BuildingSettings = z.infer<typeof buildingSettingsSchema>

export const buildingSettingsInputSchema = z.strictObject({
  timeZone: z
    .string({ error: 'timeZone: an IANA time zone name such as Europe/Berlin' })
    .trim()
    .refine(isTimeZone, {
      message: 'timeZone: not a time zone this server knows (an IANA name such as Europe/Berlin)',
      params: because('unknown_time_zone'),
    }),
})
export type BuildingSettingsInput = z.infer<typeof buildingSettingsInputSchema>
