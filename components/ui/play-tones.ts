/** Plays short sine tones ([seconds offset, Hz]) through Web Audio: ring and alarm sounds without audio files. */
export function playTones(
  ctx: AudioContext,
  tones: readonly (readonly [number, number])[],
  duration = 0.2,
  volume = 0.07,
) {
  for (const [offset, frequency] of tones) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.frequency.value = frequency
    gain.gain.value = volume
    osc.connect(gain).connect(ctx.destination)
    osc.start(ctx.currentTime + offset)
    osc.stop(ctx.currentTime + offset + duration)
  }
}
