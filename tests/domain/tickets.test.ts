// Ticket codes: the alphabet without look-alikes, numbering, and reading a typed code.
import {
  normalizeTicketCode,
  TICKET_CODE_ALPHABET,
  TICKET_CODE_LENGTH,
  TICKET_CODE_SPACE,
  ticketCodeOf,
} from '@/domain/tickets'

describe('ticket codes', () => {
  it('use no character that reads like another', () => {
    for (const c of '0O1IL') expect(TICKET_CODE_ALPHABET).not.toContain(c)
    expect(new Set(TICKET_CODE_ALPHABET).size).toBe(TICKET_CODE_ALPHABET.length)
    expect(TICKET_CODE_SPACE).toBe(31 ** 6)
  })

  it('number every code once: first, last and neighbours differ', () => {
    expect(ticketCodeOf(0)).toBe('222222')
    expect(ticketCodeOf(1)).toBe('222223')
    expect(ticketCodeOf(31)).toBe('222232')
    expect(ticketCodeOf(TICKET_CODE_SPACE - 1)).toBe('ZZZZZZ')
    expect(ticketCodeOf(TICKET_CODE_SPACE)).toBe('222222')
    const seen = new Set(Array.from({ length: 2000 }, (_, i) => ticketCodeOf(i * 7919)))
    expect(seen.size).toBe(2000)
    for (const code of seen) expect(code).toHaveLength(TICKET_CODE_LENGTH)
  })

  it('read a typed code in any case, with spaces or dashes; refuse what cannot be one', () => {
    expect(normalizeTicketCode(' k7m-9qx ')).toBe('K7M9QX')
    expect(normalizeTicketCode('K7M 9QX')).toBe('K7M9QX')
    expect(normalizeTicketCode('K7M9Q')).toBeUndefined()
    expect(normalizeTicketCode('K7M9QXX')).toBeUndefined()
    expect(normalizeTicketCode('K7M9Q0')).toBeUndefined()
    expect(normalizeTicketCode('K7M9QO')).toBeUndefined()
    expect(normalizeTicketCode('')).toBeUndefined()
  })
})
