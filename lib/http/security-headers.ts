// The browser protections on every answer (docs/web-security.md): pages get a CSP whose only inline script is
// the nonce'd theme script (Next puts the same nonce on its own scripts, read from the request's CSP header);
// API answers and the webhook get a CSP that allows nothing at all. HSTS only when the public URL is https.
import { randomBytes } from 'node:crypto'

/** The request header proxy.ts hands the page nonce to the root layout in. */
export const NONCE_HEADER = 'x-nonce'

/** A fresh nonce per page request: 128 random bits, base64 (the CSP nonce-source alphabet). */
export function createNonce(): string {
  return randomBytes(16).toString('base64')
}

/** The public URL (NEXTAUTH_URL; server.ts fills it in) is https: cookies are Secure and HSTS is sent. */
export function servedOverHttps(publicUrl = process.env.NEXTAUTH_URL): boolean {
  return publicUrl?.startsWith('https://') ?? false
}

export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // strict-dynamic: scripts Next's nonce'd scripts load are trusted; no other inline or injected script is.
    // wasm-unsafe-eval: the face check's tfjs may compile WebAssembly (never JavaScript from strings).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${options.dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React style props (sizes of thumbnails) are attributes; they cannot run script.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    // socket.io is same-origin (polling and its WebSocket upgrade): 'self' covers ws(s) to this host.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

/** JSON, CSV and images: nothing in them may run, load or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox"

/** Sent with every page and API answer besides the CSP. */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

/** For answers that never go through Next (server.ts's webhook path). */
export function apiSecurityHeaders(https = servedOverHttps()): Record<string, string> {
  return {
    ...baseSecurityHeaders(https),
    'content-security-policy': API_CONTENT_SECURITY_POLICY,
    'cross-origin-resource-policy': 'same-origin',
  }
}
