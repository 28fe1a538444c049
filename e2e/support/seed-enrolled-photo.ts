// Gives a demo resident an enrolled face photo, straight into the e2e server's database: the portrait the simulator
// hosts for enrolment, stored as a Snapshot with its thumbnail and linked from the resident's face credential (what
// enrolment through the console would leave behind). Run with tsx: DATABASE_URL=… seed-enrolled-photo.ts <resident> <url>
import sharp from 'sharp'
import { createDb } from '@/lib/db/client'

async function main() {
  const [residentId, portraitUrl] = process.argv.slice(2)
  const databaseUrl = process.env.DATABASE_URL
  if (!residentId || !portraitUrl || !databaseUrl)
    throw new Error('usage: DATABASE_URL=… seed-enrolled-photo.ts <resident> <url>')
  const response = await fetch(portraitUrl)
  if (!response.ok) throw new Error(`portrait: HTTP ${response.status}`)
  const data = Buffer.from(await response.arrayBuffer())
  const thumbnail = await sharp(data).resize(96, 96).jpeg().toBuffer()
  const db = createDb({ databaseUrl })
  try {
    const photo = await db.snapshot.create({
      data: {
        source: `enrolment:${residentId}`,
        state: 'stored',
        contentType: 'image/jpeg',
        data,
        thumbnail,
        size: data.length,
        storedAt: new Date(),
      },
    })
    const face = await db.credential.findFirst({ where: { residentId, kind: 'face', revokedAt: null } })
    if (face) await db.credential.update({ where: { id: face.id }, data: { photoId: photo.id } })
    else await db.credential.create({ data: { residentId, kind: 'face', photoId: photo.id } })
    process.stdout.write(JSON.stringify({ photoId: photo.id }))
  } finally {
    await db.$disconnect()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
