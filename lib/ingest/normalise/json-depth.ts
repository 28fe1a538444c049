// How deep a parsed JSON value nests. JSON.parse accepts any depth, but code that walks a value recursively
// (JSON.stringify included) runs out of stack somewhere past a few thousand levels: one such payload would make
// every step after parsing throw. No Tuya or vendor message nests more than a handful of levels, so anything
// deeper than MAX_JSON_DEPTH is kept as raw text only (unrecognised), never walked.
export const MAX_JSON_DEPTH = 64

/** True when `value` nests deeper than `max` arrays/objects. Iterative, so it is safe on any depth itself. */
export function exceedsJsonDepth(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (current === null || typeof current !== 'object') continue
    if (depth >= max) return true
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return false
}
