// Real JPEG snapshots made with sharp from SVG shapes (no fonts needed): a head in the resident's colour in front
// of a door, so thumbnails look like captures and residents can be told apart. Rendered once at start and reused.
import sharp from 'sharp'
import type { DemoResident } from '@/simulator/demo-building'

export type SnapshotPool = {
  /** Capture of a known resident's face. */
  residentFace(residentId: string): Buffer
  /** Capture of someone the device did not recognise (stranger, visitor, loiterer). */
  strangerFace(): Buffer
  /** Scene without a face (tamper, relay, empty doorway). */
  scene(): Buffer
  /** A neutral enrolment-style portrait, used when a test needs a valid face image. */
  portrait(residentId: string): Buffer
}

const STRANGER_COLOURS = ['#8d99ae', '#a68a64', '#5e548e', '#606c38']
const SCENE_COLOURS = ['#1d3557', '#3a5a40', '#432818']

function captureSvg(faceColour: string | null, background: string, portrait: boolean): string {
  const face = faceColour
    ? `<ellipse cx="320" cy="${portrait ? 230 : 250}" rx="${portrait ? 120 : 95}" ry="${portrait ? 150 : 120}" fill="${faceColour}"/>
       <circle cx="${portrait ? 275 : 285}" cy="${portrait ? 210 : 235}" r="12" fill="#1b1b1b"/>
       <circle cx="${portrait ? 365 : 355}" cy="${portrait ? 210 : 235}" r="12" fill="#1b1b1b"/>
       <path d="M ${portrait ? 275 : 290} ${portrait ? 300 : 300} Q 320 ${portrait ? 330 : 320} ${portrait ? 365 : 350} ${portrait ? 300 : 300}" stroke="#1b1b1b" stroke-width="8" fill="none"/>
       <rect x="${portrait ? 170 : 200}" y="${portrait ? 380 : 370}" width="${portrait ? 300 : 240}" height="120" rx="60" fill="${faceColour}" opacity="0.8"/>`
    : '<rect x="250" y="150" width="140" height="300" fill="#2b2d42" opacity="0.7"/>'
  const frame = portrait
    ? ''
    : `<rect x="30" y="30" width="580" height="420" fill="none" stroke="#ffffff" stroke-opacity="0.25" stroke-width="6"/>
       <rect x="40" y="440" width="180" height="20" fill="#ff4d4d" opacity="0.85"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="${background}"/>
    <rect x="0" y="360" width="640" height="120" fill="#000000" opacity="0.25"/>
    ${face}${frame}
  </svg>`
}

async function renderJpeg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 72, mozjpeg: false }).toBuffer()
}

export async function createSnapshotPool(residents: DemoResident[]): Promise<SnapshotPool> {
  const faces = new Map<string, Buffer>()
  const portraits = new Map<string, Buffer>()
  await Promise.all(
    residents.map(async (r, i) => {
      const background = i % 2 === 0 ? '#5c677d' : '#7d8597'
      faces.set(r.id, await renderJpeg(captureSvg(r.faceColour, background, false)))
      portraits.set(r.id, await renderJpeg(captureSvg(r.faceColour, '#e5e5e5', true)))
    }),
  )
  const strangers = await Promise.all(STRANGER_COLOURS.map((c) => renderJpeg(captureSvg(c, '#4a4e69', false))))
  const scenes = await Promise.all(SCENE_COLOURS.map((c) => renderJpeg(captureSvg(null, c, false))))
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]
  return {
    residentFace: (id) => faces.get(id) ?? pick(strangers),
    strangerFace: () => pick(strangers),
    scene: () => pick(scenes),
    portrait: (id) => portraits.get(id) ?? pick(strangers),
  }
}
