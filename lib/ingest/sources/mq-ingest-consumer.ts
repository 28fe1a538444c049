// The message-service consumer wired to the one ingest function. A frame is acked only after ingestMessage has
// committed it (mq-consumer.ts acks when the handler resolves); a failure such as the database being down rejects,
// so the frame stays unacked and the message service redelivers it. While the ingest queue is full the consumer
// stops reading its socket (capacity), so frames wait at the message service instead of in memory.
import type { Db } from '@/lib/db/client'
import { ingestMessage, type IngestResult } from '@/lib/ingest/ingest-message'
import { ingestWriterFor } from '@/lib/ingest/ingest-writer'
import {
  createMessageConsumer,
  type MessageConsumer,
  type MessageConsumerOptions,
} from '@/lib/tuya/message-service/mq-consumer'
import type { DecodedMessage, UndecodableFrame } from '@/lib/tuya/message-service/mq-frames'

export function ingestMqMessage(db: Db, message: DecodedMessage): Promise<IngestResult> {
  return ingestMessage(db, { source: 'mq', payload: message.payload, raw: message.payloadRaw })
}

/** A frame that could not be decoded is still stored (as unrecognised), so nothing is lost. */
export function ingestUndecodableFrame(db: Db, frame: UndecodableFrame): Promise<IngestResult> {
  return ingestMessage(db, { source: 'mq', payload: undefined, raw: frame.raw, unparsable: frame.reason })
}

export type IngestingConsumerOptions = Omit<MessageConsumerOptions, 'onMessage' | 'onUndecodable'>

export function createIngestingConsumer(db: Db, options: IngestingConsumerOptions): MessageConsumer {
  return createMessageConsumer({
    // Frames start in arrival order and queue for the group-commit writer, which keeps that order; acking each
    // after its commit. Pulsar's receiver queue (1000) bounds what is in flight anyway.
    maxInFlight: 500,
    capacity: ingestWriterFor(db),
    ...options,
    onMessage: async (message) => void (await ingestMqMessage(db, message)),
    onUndecodable: async (frame) => void (await ingestUndecodableFrame(db, frame)),
  })
}
