// Password tickets for lock remote operations (docs/tuya-devices.md §4.1): ticket_key is the 16-char key
// encrypted with the Access Secret; the ticket expires after 360 s and works once.
import { encryptTicketKey } from '@/lib/tuya/openapi/ticket-crypto'
import { randomHex } from '@/simulator/state/ids'

type Ticket = { ticketId: string; deviceId: string; key16: string; expiresAt: number; used: boolean }

export const TICKET_TTL_SECONDS = 360

export class TicketStore {
  private readonly tickets = new Map<string, Ticket>()

  constructor(
    private readonly now: () => number,
    private readonly accessSecret: string,
  ) {}

  create(deviceId: string) {
    const ticket: Ticket = {
      ticketId: randomHex(8),
      deviceId,
      key16: randomHex(8),
      expiresAt: this.now() + TICKET_TTL_SECONDS * 1000,
      used: false,
    }
    this.tickets.set(ticket.ticketId, ticket)
    this.prune()
    return {
      ticket_id: ticket.ticketId,
      ticket_key: encryptTicketKey(ticket.key16, this.accessSecret),
      expire_time: TICKET_TTL_SECONDS,
    }
  }

  /** Consumes the ticket; returns its key, or why it cannot be used. */
  consume(ticketId: string, deviceId: string): { ok: true; key16: string } | { ok: false; reason: string } {
    const ticket = this.tickets.get(ticketId)
    if (!ticket || ticket.deviceId !== deviceId) return { ok: false, reason: 'ticket invalid' }
    if (ticket.used) return { ok: false, reason: 'ticket already used' }
    if (ticket.expiresAt <= this.now()) return { ok: false, reason: 'ticket expired' }
    ticket.used = true
    return { ok: true, key16: ticket.key16 }
  }

  private prune(): void {
    if (this.tickets.size < 1000) return
    const now = this.now()
    for (const [id, t] of this.tickets) if (t.used || t.expiresAt <= now) this.tickets.delete(id)
  }
}
