// Pulsar WebSocket message ids are base64 of the protobuf MessageIdData {ledgerId=1, entryId=2, partition=3}
// (e.g. "CAAQAw==" = ledger 0, entry 3). Clients treat them as opaque, but we keep the real encoding.

function writeVarint(bytes: number[], value: number): void {
  let v = value
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80)
    v = Math.floor(v / 0x80)
  }
  bytes.push(v)
}

export function encodePulsarMessageId(ledgerId: number, entryId: number, partition?: number): string {
  const bytes: number[] = []
  bytes.push(0x08)
  writeVarint(bytes, ledgerId)
  bytes.push(0x10)
  writeVarint(bytes, entryId)
  if (partition !== undefined && partition >= 0) {
    bytes.push(0x18)
    writeVarint(bytes, partition)
  }
  return Buffer.from(bytes).toString('base64')
}

/** Tuya's `event` topic has 11 partitions keyed by devId (docs/tuya-protocol.md §3.2, §3.5). */
export function partitionForKey(key: string | null, partitions = 11): number {
  if (!key) return 0
  let hash = 0
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0
  return hash % partitions
}

/** Pulsar WS `publishTime` format: "2016-08-30 16:45:57.785". */
export function formatPublishTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '')
}
