const createNextIntlPlugin = require('next-intl/plugin')

// The console's languages: lib/i18n/request.ts picks the language and time zone of every request. Messages are
// compiled at build time, so the browser gets no ICU parser (it kept the console's first load over budget).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { format: 'json', path: './messages', locales: 'infer', precompile: true } },
})

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and wasm-backed server packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    'pg',
    '@prisma/adapter-pg',
    'sharp',
    '@node-rs/argon2',
  ],
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole repo (tsc --noEmit); skipping it here halves `npm start`'s first build.
  typescript: { ignoreBuildErrors: true },
}

module.exports = withNextIntl(nextConfig)
