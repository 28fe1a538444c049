// Words for device kinds, shared by the device list and the device page: from the catalogue (devicePage.kinds),
// the raw category for one the console does not know.
import { useTranslations } from 'next-intl'
import { useCallback } from 'react'
import type { DeviceCategory } from '@/lib/domain/enums'
import { DEVICE_CATEGORIES } from '@/lib/domain/vocabularies'

const isCategory = (value: string): value is DeviceCategory => DEVICE_CATEGORIES.some((c) => c === value)

export function useKindLabel(): (category: string) => string {
  const t = useTranslations('devicePage.kinds')
  return useCallback((category) => (isCategory(category) ? t(category) : category), [t])
}
