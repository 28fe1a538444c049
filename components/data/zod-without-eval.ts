// The console's CSP allows no eval (docs/web-security.md). zod compiles object parsers with `new Function` when it
// can, and merely probing for that is blocked and reported by the browser as a CSP violation. Loaded before any
// schema is built in the browser (the lazily loaded wire schemas and live-event schemas), so zod never tries.
import { z } from 'zod'

z.config({ jitless: true })
