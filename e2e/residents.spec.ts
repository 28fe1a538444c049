// The resident register in the browser: an admin creates a resident, edits it, meets a stale edit from a second
// tab (the conflict message with the current values, then Reload), grants a "Block A" door group, erases a
// resident (the header counts the doors confirming), and imports a CSV after a dry run; a guard reads the
// register with no way to write.
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const tag = () => randomBytes(3).toString('hex')

/** Creates a resident through the "New resident" form; resolves on their page, with its id. */
async function createResident(page: Page, name: string, unit?: string) {
  await page.goto('/residents')
  await page.getByRole('button', { name: 'New resident' }).click()
  const form = page.getByRole('form', { name: 'New resident' })
  await form.getByLabel('Name').fill(name)
  if (unit) await form.getByLabel('Unit').selectOption({ label: unit })
  await form.getByLabel('Phone').fill('+44 7700 900123')
  await form.getByRole('button', { name: 'Create resident' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  return page.url().split('/residents/')[1]
}

test('an admin creates and edits a resident; a stale edit in a second tab is refused with the current values', async ({
  page,
  context,
  signInAs,
}) => {
  await signInAs('admin')
  const name = `Paula Lind ${tag()}`
  await createResident(page, name, 'Block A (North Tower) / A-101')
  await expect(page.getByRole('region', { name: 'Record' })).toContainText('Block A (North Tower) / A-101')

  // A second tab opens the same resident and starts editing from version 1.
  const second = await context.newPage()
  await second.goto(page.url())
  await second.getByRole('button', { name: 'Edit' }).click()

  // The first tab saves an edit (version 2).
  await page.getByRole('button', { name: 'Edit' }).click()
  const editor = page.getByRole('form', { name: 'Edit resident' })
  await editor.getByLabel('Notes').fill('Parks in bay 12')
  await editor.getByRole('button', { name: 'Save', exact: true }).click()
  const record = page.getByRole('region', { name: 'Record' })
  await expect(record).toContainText('Parks in bay 12')
  await expect(record).toContainText('version 2')

  // The second tab's edit, based on version 1, is refused; it sees the record as it is now.
  const stale = second.getByRole('form', { name: 'Edit resident' })
  await stale.getByLabel('Phone').fill('+44 7700 900999')
  await stale.getByRole('button', { name: 'Save', exact: true }).click()
  const conflict = second.getByRole('alert').filter({ hasText: 'someone else changed this resident' })
  await expect(conflict).toBeVisible()
  await expect(conflict.getByTestId('conflict-current')).toContainText('Parks in bay 12')
  await expect(conflict.getByTestId('conflict-current')).toContainText('+44 7700 900123')

  // Reload starts again from the current record; the edit then goes through.
  await conflict.getByRole('button', { name: 'Reload' }).click()
  await expect(stale.getByLabel('Notes')).toHaveValue('Parks in bay 12')
  await stale.getByLabel('Phone').fill('+44 7700 900999')
  await stale.getByRole('button', { name: 'Save', exact: true }).click()
  const secondRecord = second.getByRole('region', { name: 'Record' })
  await expect(secondRecord).toContainText('+44 7700 900999')
  await expect(secondRecord).toContainText('Parks in bay 12')
  await expect(secondRecord).toContainText('version 3')
  await second.close()
})

test('an admin makes a "Block A" door group, grants it, and erases a resident', async ({ page, signInAs }) => {
  await signInAs('admin')
  const group = `Block A ${tag()}`
  await page.goto('/residents/groups')
  await page.getByRole('button', { name: 'New door group' }).click()
  const newGroup = page.getByRole('form', { name: 'Create group' })
  await newGroup.getByLabel('Group name').fill(group)
  await newGroup.getByLabel('Block A Lobby Face Terminal').check()
  await newGroup.getByLabel('Residents Gym Smart Lock').check()
  await newGroup.getByRole('button', { name: 'Create group' }).click()
  await expect(page.getByRole('listitem', { name: group })).toContainText(
    'Block A Lobby Face Terminal, Residents Gym Smart Lock',
  )

  const name = `Quentin Moss ${tag()}`
  const residentId = await createResident(page, name)
  const doors = page.getByRole('region', { name: 'Doors' })
  await doors.getByLabel(new RegExp(group)).check()
  await doors.getByRole('button', { name: 'Save doors' }).click()
  await expect(doors.getByRole('status')).toHaveText('Doors saved; the devices are being updated.')

  // Each of the group's doors now has a sync row for this resident.
  const sync = await page.request.get(`/api/residents/${residentId}/sync`)
  expect(sync.status()).toBe(200)
  const items = ((await sync.json()) as { items: { deviceName: string }[] }).items
  expect(items.map((i) => i.deviceName).sort()).toEqual(['Block A Lobby Face Terminal', 'Residents Gym Smart Lock'])

  // Erasure says exactly what goes, then the header counts the doors confirming it.
  const erase = page.getByRole('region', { name: 'Erase resident' })
  await erase.getByRole('button', { name: 'Erase resident' }).click()
  await expect(erase.getByRole('group', { name: /^Erase Quentin Moss/ })).toContainText(
    'enrolled photos and the face captures of their access events are deleted',
  )
  await erase.getByRole('button', { name: 'Erase permanently' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Erased resident' })).toBeVisible()
  await expect(
    page.getByText(/Erasing… \d of 2 doors confirmed|Erased: every door has removed this person/),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0)
})

test('an admin imports a CSV after a dry run shows what is wrong', async ({ page, signInAs }) => {
  await signInAs('admin')
  const first = `Rosa Imported ${tag()}`
  const second = `Sam Imported ${tag()}`
  const csv = (email: string) =>
    Buffer.from(
      `\uFEFFname,unit,kind,email\r\n${first},A-102,tenant,${email}\r\n${second},Block B (South Tower)/B-101,family,\r\n`,
    )
  await page.goto('/residents')
  await page.getByRole('button', { name: 'Import CSV' }).click()
  const panel = page.getByRole('region', { name: 'Import residents' })

  await panel.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: csv('rosa@') })
  await panel.getByRole('button', { name: 'Check file' }).click()
  await expect(panel.getByRole('status')).toContainText('1 problem found in 2 rows')
  await expect(panel.getByTestId('import-errors')).toContainText('2emailnot an email address')
  await expect(panel.getByRole('button', { name: /^Import \d/ })).toHaveCount(0)

  await panel.getByLabel('CSV file').setInputFiles({
    name: 'good.csv',
    mimeType: 'text/csv',
    buffer: csv('rosa@example.test'),
  })
  await panel.getByRole('button', { name: 'Check file' }).click()
  await expect(panel.getByRole('status')).toHaveText('2 rows ready to import.')
  await panel.getByRole('button', { name: 'Import 2 residents' }).click()
  await expect(panel.getByRole('status')).toHaveText('Imported 2 residents.')

  await page.getByLabel('Search residents').fill('Imported')
  const table = page.getByTestId('resident-table')
  await expect(table.getByRole('row').filter({ hasText: first })).toContainText('Block A (North Tower) / A-102')
  await expect(table.getByRole('row').filter({ hasText: second })).toContainText('Family member')
})

test('a guard reads the register, a resident and the door groups, with no way to change them', async ({
  page,
  signInAs,
}) => {
  await signInAs('guard')
  await page.goto('/residents')
  const alice = page.getByTestId('resident-table').getByRole('row').filter({ hasText: 'Alice Martin' })
  await expect(alice).toBeVisible()
  await expect(page.getByRole('button', { name: 'New resident' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Import CSV' })).toHaveCount(0)

  await alice.getByRole('link', { name: 'Alice Martin' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Alice Martin' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Record' })).toContainText('A-101')
  await expect(page.getByRole('region', { name: 'Doors' })).toContainText('Block A Lobby Face Terminal')
  for (const name of ['Edit', 'Suspend', 'Save doors', 'Erase resident']) {
    await expect(page.getByRole('button', { name }), name).toHaveCount(0)
  }
  await expect(page.getByRole('checkbox')).toHaveCount(0)

  await page.getByRole('navigation', { name: 'Register' }).getByRole('link', { name: 'Units' }).click()
  await expect(page.getByTestId('unit-table')).toContainText('A-101')
  await expect(page.getByRole('form', { name: 'Add unit' })).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Register' }).getByRole('link', { name: 'Door groups' }).click()
  await expect(page.getByRole('button', { name: 'New door group' })).toHaveCount(0)

  // And the API agrees.
  const write = await page.request.post('/api/residents', {
    data: { name: 'Not allowed' },
    headers: { origin: new URL(page.url()).origin },
  })
  expect(write.status()).toBe(403)
})
