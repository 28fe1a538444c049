// Tuya data centres: OpenAPI base URL ↔ message-service endpoints (docs/tuya-protocol.md §2.5, §3.1).
// Azure-hosted OpenAPI hosts (ueaz/weaz) share their region's MQ host (java-connector TuyaRegion).

export type TuyaDataCentre = {
  name: string
  openApiUrl: string
  /** Pulsar WebSocket API base, ends with "/" (the consumer appends ws/v2/…). */
  mqWsUrl: string
  /** Pulsar binary protocol; not used by our consumer, listed for completeness. */
  mqPulsarUrl: string | undefined
}

export const TUYA_DATA_CENTRES = {
  cn: {
    name: 'China',
    openApiUrl: 'https://openapi.tuyacn.com',
    mqWsUrl: 'wss://mqe.tuyacn.com:8285/',
    mqPulsarUrl: 'pulsar+ssl://mqe.tuyacn.com:7285/',
  },
  us: {
    name: 'Western America',
    openApiUrl: 'https://openapi.tuyaus.com',
    mqWsUrl: 'wss://mqe.tuyaus.com:8285/',
    mqPulsarUrl: 'pulsar+ssl://mqe.tuyaus.com:7285/',
  },
  'us-e': {
    name: 'Eastern America (Azure)',
    openApiUrl: 'https://openapi-ueaz.tuyaus.com',
    mqWsUrl: 'wss://mqe.tuyaus.com:8285/',
    mqPulsarUrl: 'pulsar+ssl://mqe.tuyaus.com:7285/',
  },
  eu: {
    name: 'Central Europe',
    openApiUrl: 'https://openapi.tuyaeu.com',
    mqWsUrl: 'wss://mqe.tuyaeu.com:8285/',
    mqPulsarUrl: 'pulsar+ssl://mqe.tuyaeu.com:7285/',
  },
  'eu-w': {
    name: 'Western Europe (Azure)',
    openApiUrl: 'https://openapi-weaz.tuyaeu.com',
    mqWsUrl: 'wss://mqe.tuyaeu.com:8285/',
    mqPulsarUrl: 'pulsar+ssl://mqe.tuyaeu.com:7285/',
  },
  in: {
    name: 'India',
    openApiUrl: 'https://openapi.tuyain.com',
    mqWsUrl: 'wss://mqe.tuyain.com:8285/',
    mqPulsarUrl: 'pulsar+ssl://mqe.tuyain.com:7285/',
  },
  // Singapore is third-party evidence only (tinytuya), no binary endpoint known.
  sg: {
    name: 'Singapore',
    openApiUrl: 'https://openapi-sg.iotbing.com',
    mqWsUrl: 'wss://mqe-sg.iotbing.com:8285/',
    mqPulsarUrl: undefined,
  },
} as const satisfies Record<string, TuyaDataCentre>

export type TuyaDataCentreId = keyof typeof TUYA_DATA_CENTRES

/** The data centre whose OpenAPI host matches `openApiUrl`, if it is a known Tuya host. */
export function findDataCentre(openApiUrl: string): (TuyaDataCentre & { id: TuyaDataCentreId }) | undefined {
  const host = new URL(openApiUrl).host.toLowerCase()
  for (const [id, dc] of Object.entries(TUYA_DATA_CENTRES) as [TuyaDataCentreId, TuyaDataCentre][]) {
    if (new URL(dc.openApiUrl).host === host) return { ...dc, id }
  }
  return undefined
}

/**
 * MQ WebSocket base for an OpenAPI URL. Known hosts use the table; other `openapi[-x].<domain>` hosts map to
 * `wss://mqe.<domain>:8285/` (the pattern every listed region follows). Returns undefined for anything else
 * (e.g. a local simulator), which must then be configured explicitly.
 */
export function deriveMqWsUrl(openApiUrl: string): string | undefined {
  const known = findDataCentre(openApiUrl)
  if (known) return known.mqWsUrl
  const match = /^openapi(?:-[a-z0-9]+)?\.(.+)$/i.exec(new URL(openApiUrl).hostname)
  return match ? `wss://mqe.${match[1].toLowerCase()}:8285/` : undefined
}
