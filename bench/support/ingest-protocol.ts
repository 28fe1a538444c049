// What bench/ingest.ts and its server process (ingest-server.ts) say to each other.
export type IngestServerOptions = {
  /** bare: node:http + HMAC + one better-sqlite3 insert + io.emit. ours: handleTuyaWebhook + attachLiveServer. */
  kind: 'bare' | 'ours'
  provider: 'sqlite' | 'postgresql'
  synchronous: 'FULL' | 'NORMAL'
  accessId: string
  accessSecret: string
  /** ours only: also consume the simulator's message service, as lib/server/start-tuya-sources.ts wires it. */
  mq?: { wsBaseUrl: string }
}

export type IngestServerReady = { type: 'ready'; port: number; token: string | null }
export type IngestServerReply = { type: 'count'; accessEvents: number; inbound: number } | { type: 'stopped' }
