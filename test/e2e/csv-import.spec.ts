import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { SPREADSHEET } from '../fixtures/csv-imports';
import { jobTrack } from './support/app';
import { expect, test } from './support/fixtures';

// A spreadsheet brought in from the account page (upload, preview, a column changed, confirm), the
// same file again, a broken file refused, and the job-search log downloaded as CSV: with JavaScript
// on and off, each page scanned by axe-core and photographed at phone and desktop width.

async function photograph(page: Page, label: string) {
  const project = test.info().project.name;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: test.info().outputPath(`${label}-${project}-${width}.png`),
      fullPage: true,
    });
  }
}

test('a person imports a spreadsheet once, choosing what a column is', async ({
  page,
  signedIn,
}) => {
  test.setTimeout(180_000);
  const app = jobTrack(page);
  const main = page.getByRole('main');
  await signedIn({ label: 'csv' });
  const file = test.info().outputPath('my applications.csv');
  // A "Contact" column the guess leaves out; the person makes it part of the notes.
  await writeFile(
    file,
    SPREADSHEET.replace('Notes\r\n', 'Notes,Contact\r\n').replace(
      'ward 12"\r\n',
      'ward 12",Sam (ward manager)\r\n',
    ),
  );

  await test.step('a file that is not CSV is refused beside the field, nothing echoed', async () => {
    await page.goto('/account');
    await main.getByRole('link', { name: 'import a CSV file' }).click();
    await expect(main.getByRole('heading', { name: 'Import a spreadsheet' })).toBeVisible();
    const broken = test.info().outputPath('broken.csv');
    await writeFile(broken, 'Company,Role\n"NHS Leeds,Staff Nurse\n');
    await main.getByLabel('Spreadsheet (CSV file)').setInputFiles(broken);
    await main.getByRole('button', { name: 'Preview the import' }).click();
    const field = main.getByLabel('Spreadsheet (CSV file)');
    await expect(field).toHaveAccessibleDescription(/a quote mark is not closed/);
    await expect(main.getByRole('alert')).toContainText('Nothing was imported');
    await expect(main).not.toContainText('NHS Leeds');
    await app.landed();
    await photograph(page, 'csv-refused');
  });

  await test.step('the preview shows each column, the rows to add and the problems', async () => {
    await main.getByLabel('Spreadsheet (CSV file)').setInputFiles(file);
    await main.getByRole('button', { name: 'Preview the import' }).click();
    await expect(main.getByRole('heading', { name: 'What each column is' })).toBeVisible();
    await expect(main.getByRole('combobox', { name: 'Organisation' })).toHaveValue('company');
    await expect(main.getByRole('combobox', { name: 'Contact' })).toHaveValue('ignore');
    await expect(main).toContainText('3 applications will be added');
    await expect(main).toContainText('2 rows have problems and will not be added');
    await expect(main).toContainText('“Waiting to hear” (1 row) becomes Applied');
    // "Interview booked" has no day of its own: the preview says which day it will have.
    await expect(main).toContainText('has that step dated the day you applied');
    await expect(main.getByRole('cell', { name: 'Interviewing on 27 Oct 2026' })).toBeVisible();
    await expect(main).toContainText(
      'Row 4 (Administrative Officer at HM Courts & Tribunals Service)',
    );
    await expect(main).toContainText('“31/02/2026” is not a real date');
    await expect(main.getByRole('cell', { name: '£29,970 to £36,483, pro rata' })).toBeVisible();
    await app.landed();
    await photograph(page, 'csv-preview');
  });

  await test.step('a column changed, the preview is looked at again, then confirmed', async () => {
    await main.getByRole('combobox', { name: 'Contact' }).selectOption('notes');
    await main.getByRole('button', { name: 'Look again with these columns' }).click();
    await expect(main.getByRole('combobox', { name: 'Contact' })).toHaveValue('notes');
    await expect(main).toContainText('3 applications will be added');
    await app.landed();
    await main.getByRole('button', { name: 'Add 3 applications' }).click();
    await expect(page).toHaveURL(/\/applications\?notice=csv-imported$/);
    await expect(
      page.getByRole('status').filter({ hasText: 'spreadsheet has been imported' }),
    ).toBeVisible();
    await expect(main.getByRole('link', { name: /Staff Nurse/ })).toHaveCount(1);
    await app.landed();
    await main.getByRole('link', { name: /Staff Nurse/ }).click();
    await expect(main).toContainText('Notes: Interview 14/11 at St James’s, ward 12');
    await expect(main).toContainText('Contact: Sam (ward manager)');
  });

  await test.step('the same file again adds nothing', async () => {
    await page.goto('/account/import-csv');
    await main.getByLabel('Spreadsheet (CSV file)').setInputFiles(file);
    await main.getByRole('button', { name: 'Preview the import' }).click();
    await expect(main).toContainText('3 rows are already in your account, so not added again');
    await expect(main).toContainText('There is nothing to add');
    await expect(main.getByRole('button', { name: /^Add / })).toHaveCount(0);
    await app.landed();
    await app.openList();
    await expect(main.getByRole('link', { name: /Staff Nurse/ })).toHaveCount(1);
  });

  await test.step('the job-search log downloads as CSV with the entries on the page', async () => {
    await page.goto('/job-search-log');
    await expect(main.getByRole('table')).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('link', { name: 'Download as a spreadsheet (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^job-search-log-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/,
    );
    const path = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(path);
    const text = (await readFile(path)).toString('utf8');
    expect(text).toContain('Date,What I did,Job,Employer,Where I found it,Reference');
    const rows = await main.getByRole('table').locator('tbody tr').count();
    expect(text.trim().split('\r\n')).toHaveLength(rows + 1);
    await app.landed();
    await photograph(page, 'job-search-log');
  });
});
