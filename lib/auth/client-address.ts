// server.ts stamps every request with the socket's address in this header (after deleting any
// client-supplied value), so rate limits and the audit trail cannot be fooled by a forged header.
export const CLIENT_ADDRESS_HEADER = 'x-console-client-ip'

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined

export function clientAddressOf(headers: HeaderBag): string | null {
  if (!headers) return null
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER]
  return (Array.isArray(value) ? value[0] : value) ?? null
}

export function userAgentOf(headers: HeaderBag): string | null {
  if (!headers) return null
  const value = headers instanceof Headers ? headers.get('user-agent') : headers['user-agent']
  return (Array.isArray(value) ? value[0] : value) ?? null
}
