import type { Page } from '@playwright/test';
import { NHS_BAND_5 } from '../fixtures/specifications';
import { jobTrack } from './support/app';
import { fakeControl } from './support/fake-anthropic';
import { expect, test, type Person } from './support/fixtures';
import { javaScriptDisabled, withScriptablePage } from './support/mirror';

// The Statement Builder, against a fake Anthropic on 127.0.0.1 (test/e2e/support/fake-anthropic.ts),
// once with JavaScript (the draft streams into the panel) and once without (the answer page
// renders as it arrives). The fake holds its stream part-way so a test can look before it ends.

const fake = fakeControl();

/** A signed-in person (made in the database, not through the sign-up pages) and the page driver. */
async function newAccount(
  page: Page,
  signedIn: (options?: { label?: string }) => Promise<Person>,
  label: string,
) {
  await signedIn({ label });
  return jobTrack(page);
}

/** Waits for the draft to be finished and saved, in either mode; returns nothing. */
async function expectSaved(page: Page, number: number) {
  if (javaScriptDisabled()) {
    await expect(
      page.getByRole('heading', { level: 2, name: `Saved as Version ${number}` }),
    ).toBeVisible();
  } else {
    await expect(page).toHaveURL(/\/statements\/[0-9a-f-]{36}\?version=/);
    await expect(
      page.getByRole('heading', { level: 3, name: new RegExp(`^Version ${number}`) }),
    ).toBeVisible();
    await expect(page.getByText(`Finished and saved as Version ${number}.`)).toBeVisible();
  }
}

/** The draft's text as the page shows it while it is being written. */
const liveDraft = (page: Page) =>
  javaScriptDisabled() ? page.locator('.draft-live') : page.getByTestId('live-draft');

test('an NHS supporting statement: words appear before the draft ends, it is saved, found on its application, and two versions compared', async ({
  page,
  signedIn,
}) => {
  test.setTimeout(240_000);
  const app = await newAccount(page, signedIn, 'nhs');
  const main = page.getByRole('main');
  await app.openList();
  await app.addApplication({
    company: 'Leeds Teaching Hospitals NHS Trust',
    role: 'Staff Nurse (Band 5)',
    status: 'Saved',
  });

  await test.step('start from the application: its job title and employer come along', async () => {
    await main.getByRole('link', { name: 'Write a statement or cover letter' }).click();
    await main.getByRole('link', { name: /Supporting statement/ }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Supporting statement' }),
    ).toBeVisible();
    await expect(main.getByLabel('Job title', { exact: true })).toHaveValue('Staff Nurse (Band 5)');
    await expect(main.getByLabel('Employer', { exact: true })).toHaveValue(
      'Leeds Teaching Hospitals NHS Trust',
    );
    await expect(main.getByText(/Pressing Generate sends/)).toBeVisible();
    await app.landed();
  });

  const before = (await fake.requests()).length;
  await test.step('paste the person specification and list its criteria, without AI', async () => {
    await main.getByLabel('Person specification').fill(NHS_BAND_5);
    await main.getByRole('button', { name: 'List the criteria' }).click();
    await expect(main.getByRole('group', { name: 'Criterion 10', exact: true })).toBeVisible();
    const first = main.getByRole('group', { name: 'Criterion 1', exact: true });
    await expect(first.getByLabel('Criterion')).toHaveValue(
      'Registered Nurse (Adult) with current NMC registration',
    );
    await expect(
      main
        .getByRole('group', { name: 'Criterion 3', exact: true })
        .getByLabel('Essential or desirable'),
    ).toHaveValue('desirable');
    await first.getByLabel('Your evidence').fill('NMC PIN 25A1234E, registered September 2025.');
    await main
      .getByRole('group', { name: 'Criterion 4', exact: true })
      .getByLabel('Your evidence')
      .fill(
        'Final placement on an acute medical unit: six patients, NEWS2, escalated a deteriorating patient.',
      );
    await main.getByLabel('Word limit', { exact: true }).selectOption('500');
    await app.landed();
  });

  await test.step('nothing has been sent to Anthropic while typing and listing', async () => {
    expect((await fake.requests()).length).toBe(before);
  });

  await test.step('Generate: the first words show while Claude is still writing', async () => {
    await fake.next({ holdAfter: 12 });
    await main.getByRole('button', { name: 'Generate draft' }).click();
    await expect(liveDraft(page)).toContainText(
      'I am applying for the post of Staff Nurse (Band 5)',
    );
    // The fake is holding the rest back: the draft cannot have ended.
    await expect(page.getByText(/saved as Version 1/i)).toHaveCount(0);
    const sent = (await fake.requests()).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.messages[0]!.content).toContain(
      'NMC PIN 25A1234E, registered September 2025.',
    );
    await fake.release();
    await expectSaved(page, 1);
    await expect(main.getByText(/of 500 words/).first()).toBeVisible();
    await expect(
      main.getByText('[Add your own evidence for this criterion.]').first(),
    ).toBeVisible();
    await app.landed();
  });

  await test.step('generate again: Version 2', async () => {
    await fake.next({
      text: 'I am applying for the post of Staff Nurse (Band 5) on your respiratory ward.\n\nRegistered Nurse (Adult) with current NMC registration\nI hold NMC registration, PIN 25A1234E, since September 2025.',
    });
    const again = javaScriptDisabled()
      ? main.getByRole('button', { name: 'Generate again with the same inputs' })
      : main.getByRole('button', { name: 'Regenerate' });
    await again.click();
    await expectSaved(page, 2);
  });

  if (!javaScriptDisabled())
    await test.step('reloading the new version’s page draws what the server sent', async () => {
      // The page moved here with a note that the draft was just written; a reload keeps that note
      // in the browser's history, but the server cannot know it: the page must still hydrate
      // (a mismatch is an error in the page, which fails the test: fixtures.ts).
      await page.reload();
      const draft = main.getByLabel('The draft (you can edit it here)');
      await expect(draft).toBeVisible();
      await page.waitForLoadState('networkidle');
      // Copy puts the draft, as shown, on the clipboard.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await main.getByRole('button', { name: 'Copy', exact: true }).click();
      await expect(main.getByText('Copied. Paste it into the application form')).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        await draft.inputValue(),
      );
    });

  await test.step('the statement is on its application’s page', async () => {
    await page.goto('/applications');
    await page
      .getByRole('link', { name: 'Staff Nurse (Band 5) at Leeds Teaching Hospitals NHS Trust' })
      .first()
      .click();
    const card = main.getByRole('region', { name: 'Statements' });
    await expect(card).toContainText('2 versions');
    await app.landed();
    await card.getByRole('link', { name: 'Supporting statement' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: /Supporting statement/ }),
    ).toBeVisible();
    await expect(main.getByLabel('Job title', { exact: true })).toHaveValue('Staff Nurse (Band 5)');
    await app.landed();
  });

  await test.step('compare the two versions side by side, changes marked', async () => {
    await main.getByRole('button', { name: 'Compare side by side' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compare versions' })).toBeVisible();
    await expect(main.getByRole('heading', { level: 2, name: 'Version 1' })).toBeVisible();
    await expect(main.getByRole('heading', { level: 2, name: 'Version 2' })).toBeVisible();
    await expect(main.locator('ins').filter({ hasText: 'respiratory' })).toBeVisible();
    await expect(main.locator('del').first()).toBeVisible();
    await expect(main.getByText(/words only in Version 1 \(struck through\)/)).toBeVisible();
    await app.landed();
  });
});

test('Civil Service behaviours: an error part-way keeps the words written, marked incomplete, and the inputs', async ({
  page,
  signedIn,
}) => {
  test.setTimeout(180_000);
  const app = await newAccount(page, signedIn, 'cs');
  const main = page.getByRole('main');
  await page.goto('/statements/new');
  await main.getByRole('link', { name: /Civil Service behaviour statements/ }).click();
  await main.getByLabel('Job title', { exact: true }).fill('Executive Officer');
  await main.getByLabel('Employer', { exact: true }).fill('HM Revenue and Customs');
  await expect(main.getByLabel('Word limit for each statement')).toHaveValue('250');
  await main.getByRole('checkbox', { name: 'Working Together' }).check();
  await main
    .getByLabel('Your example for Working Together')
    .fill('Set up a shared rota with two other teams so calls were answered within 24 hours.');
  await main.getByRole('checkbox', { name: 'Delivering at Pace' }).check();
  await main
    .getByLabel('Your example for Delivering at Pace')
    .fill('Cleared a backlog of 300 tax credit cases in six weeks.');
  await app.landed();

  await fake.next({ errorAfter: 14 });
  await main.getByRole('button', { name: 'Generate draft' }).click();
  if (javaScriptDisabled()) {
    await expect(
      main.getByRole('heading', { level: 2, name: 'Incomplete: saved as Version 1' }),
    ).toBeVisible();
    await expect(main.getByRole('alert')).toContainText(
      'Claude is busy right now. Try again in a minute.',
    );
    await expect(main.getByRole('alert')).toContainText('Your inputs are saved and unchanged.');
    await main.getByRole('link', { name: 'Change your inputs' }).click();
  } else {
    await expect(page).toHaveURL(/\?version=/);
    await expect(
      main.getByText('This draft is incomplete. Claude is busy right now. Try again in a minute.'),
    ).toBeVisible();
  }
  await expect(main.getByLabel('Draft', { exact: false }).first()).toBeVisible();
  await expect(main.getByText(/^Incomplete/).first()).toBeVisible();
  await expect(main.getByLabel('Your example for Working Together')).toHaveValue(/shared rota/);
  await expect(main.getByRole('checkbox', { name: 'Delivering at Pace' })).toBeChecked();
  await app.landed();
});

test('Stop ends a draft part-way and keeps what was written', async ({ page, signedIn }) => {
  test.skip(
    javaScriptDisabled(),
    'Without JavaScript, Stop is a form on the answer page; its action is tested in integration.',
  );
  test.setTimeout(120_000);
  const app = await newAccount(page, signedIn, 'stop');
  const main = page.getByRole('main');
  await page.goto('/statements/new?kind=cover_letter');
  await main.getByLabel('Job title', { exact: true }).fill('Policy Officer');
  await main.getByLabel('Employer', { exact: true }).fill('Leeds City Council');
  await main
    .getByLabel('Your relevant experience')
    .fill('Two years drafting committee reports at Kirklees Council.');
  await fake.next({ holdAfter: 6 });
  await main.getByRole('button', { name: 'Generate draft' }).click();
  await expect(liveDraft(page)).toContainText('Dear Hiring Manager,');
  await main.getByRole('button', { name: 'Stop' }).click();
  await expect(main.getByRole('heading', { level: 3, name: /Version 1/ })).toBeVisible();
  await expect(main.getByText('You stopped this draft before it finished.')).toBeVisible();
  await expect(main.getByText('Stopped and saved as Version 1.')).toBeVisible();
  // The Stop button went with the draft: the keyboard goes on from the panel's heading.
  await expect(main.getByRole('heading', { level: 2, name: 'Your draft' })).toBeFocused();
  await expect(main.getByText(/Finished and saved/)).toHaveCount(0);
  await fake.release();
  await app.landed();
});

test('the Statement Builder tells a signed-out visitor why it needs an account', async ({
  page,
}) => {
  await page.goto('/statements');
  await expect(page.getByRole('heading', { level: 1, name: 'Statement Builder' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'It needs an account' })).toBeVisible();
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Create an account' }),
  ).toHaveAttribute('href', '/signup');
  await jobTrack(page).landed();
});

test('on a 390 px phone the builder, its answer and the compare page never scroll sideways', async ({
  page,
  signedIn,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const app = await newAccount(page, signedIn, 'phone');
  const main = page.getByRole('main');
  const width = () =>
    withScriptablePage(page, (target) =>
      target.evaluate(() => document.scrollingElement!.scrollWidth),
    );
  // From an application whose advert is a long web address, which the builder names.
  await app.openList();
  await app.addApplication({
    company: 'HM Revenue and Customs',
    role: 'Executive Officer',
    advertUrl:
      'https://www.civilservicejobs.service.gov.uk/csr/index.cgi?SID=cGFnZWFjdGlvbj12aWV3dmFjYnlqb2JsaXN0JnNlYXJjaHBhZ2U9MSZqb2JsaXN0X3ZpZXdfdmFjPTE5MjQ1Njc',
  });
  await main.getByRole('link', { name: 'Write a statement or cover letter' }).click();
  await main.getByRole('link', { name: /Civil Service behaviour statements/ }).click();
  await expect(main.getByText(/The advert for this application is at/)).toBeVisible();
  expect(await width()).toBeLessThanOrEqual(390);

  await page.goto('/statements/new?kind=supporting');
  await main
    .getByLabel('Job title', { exact: true })
    .fill('Principal Environmental Health Practitioner (Band 7)');
  await main.getByLabel('Person specification').fill(NHS_BAND_5);
  await main.getByRole('button', { name: 'List the criteria' }).click();
  await main
    .getByRole('group', { name: 'Criterion 1', exact: true })
    .getByLabel('Your evidence')
    .fill('Registered 2025.');
  expect(await width()).toBeLessThanOrEqual(390);
  await main.getByRole('button', { name: 'Generate draft' }).click();
  await expectSaved(page, 1);
  expect(await width()).toBeLessThanOrEqual(390);
});

test('Claude busy before the first word: a calm message, no version, and every typed value kept', async ({
  page,
  signedIn,
}) => {
  test.setTimeout(120_000);
  const app = await newAccount(page, signedIn, 'busy');
  const main = page.getByRole('main');
  await page.goto('/statements/new?kind=cover_letter');
  await main.getByLabel('Job title', { exact: true }).fill('Grants Officer');
  await main.getByLabel('Employer', { exact: true }).fill('Joseph Rowntree Foundation');
  await main
    .getByLabel('Why this role, and why this employer')
    .fill('I have read your work on poverty in York for years.');
  await main
    .getByLabel('Your relevant experience')
    .fill('Three years assessing small grants at a community foundation.');
  // Busy on the first try and on both retries.
  for (let i = 0; i < 3; i++) await fake.next({ status: 529 });
  await main.getByRole('button', { name: 'Generate draft' }).click();

  const message = 'Claude is busy right now. Try again in a minute.';
  await expect(main.getByText(new RegExp(message.replace(/\./g, '\\.'))).first()).toBeVisible();
  await expect(
    main.getByText(/Nothing was written, so no version was saved\./).first(),
  ).toBeVisible();
  if (javaScriptDisabled()) {
    // No empty draft box above the message when nothing was written.
    await expect(main.locator('.draft-live')).toBeHidden();
    await main.getByRole('link', { name: 'Change your inputs' }).click();
  }
  await expect(main.getByLabel('Job title', { exact: true })).toHaveValue('Grants Officer');
  await expect(main.getByLabel('Why this role, and why this employer')).toHaveValue(
    'I have read your work on poverty in York for years.',
  );
  await expect(main.getByLabel('Your relevant experience')).toHaveValue(
    'Three years assessing small grants at a community foundation.',
  );
  await app.landed();
});

test('another person’s statement answers 404 and shows nothing of it', async ({
  page,
  signedIn,
}) => {
  const main = page.getByRole('main');
  await signedIn({ label: 'owner' });
  await page.goto('/statements/new?kind=cover_letter');
  await main.getByLabel('Job title', { exact: true }).fill('Owner’s private post');
  await main.getByRole('button', { name: 'Save inputs' }).click();
  await expect(page).toHaveURL(/\/statements\/[0-9a-f-]{36}/);
  const url = new URL(page.url()).pathname;

  await signedIn({ label: 'stranger' });
  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Owner’s private post')).toHaveCount(0);
  await page.goto('/statements');
  await expect(page.getByText('Owner’s private post')).toHaveCount(0);
});
