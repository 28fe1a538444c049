// The simulator's notion of "now". Injected so tests can move the cloud's clock (ticket and token expiry)
// without faking timers in the process, which would also freeze sockets.
export type SimClock = { now(): number }

export const systemClock: SimClock = { now: () => Date.now() }
