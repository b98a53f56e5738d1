import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { addDays, todayInLondon } from '../../../app/applications/dates';
import { expectAccessible } from './accessibility';

/** A fresh address per test and project, so runs never share an account. */
export function uniqueEmail(label = 'e2e') {
  const project = test.info().project.name;
  return `${label}-${project}-${randomBytes(5).toString('hex')}@example.com`;
}

/** The date `days` from today in London (as the app counts days) as yyyy-mm-dd, as a date input takes it. */
export function isoDaysFromNow(days: number) {
  return addDays(todayInLondon(), days);
}

export type ApplicationFields = {
  company: string;
  role: string;
  status?: string; // the visible label, e.g. "Applied"
  dateApplied?: string;
  closingDate?: string;
  closingTime?: string;
  mayCloseEarly?: boolean;
  advertUrl?: string;
  reference?: string;
  grade?: string;
  location?: string;
  source?: string;
  salaryMin?: string;
  salaryMax?: string;
  salaryNote?: string;
  notes?: string;
};

/** Dates are yyyy-mm-dd here and typed into the form's day, month and year boxes. */
const DATE_FIELDS = [
  ['dateApplied', 'Date applied'],
  ['closingDate', 'Closing date'],
] as const;

const TEXT_FIELDS = [
  ['closingTime', 'Closing time'],
  ['advertUrl', 'Job advert URL'],
  ['reference', 'Reference number'],
  ['grade', 'Band or grade'],
  ['location', 'Location'],
  ['source', 'Source'],
  ['salaryMin', 'From (£ a year)'],
  ['salaryMax', 'To (£ a year)'],
  ['salaryNote', 'Salary note'],
  ['notes', 'Notes'],
] as const;

/**
 * Drives JobTrack through its UI contract (accessible names only). With `audit`, every page it
 * lands on gets an axe-core scan.
 */
export function jobTrack(page: Page, { audit = true } = {}) {
  const landed = async () => {
    if (audit) await expectAccessible(page);
  };
  const main = page.getByRole('main');

  const self = {
    landed,

    async signUp(email: string, password: string) {
      await page.goto('/signup');
      await landed();
      await main.getByLabel('Email', { exact: true }).fill(email);
      await main.getByLabel('Password', { exact: true }).fill(password);
      await main.getByLabel('I am 18 or over').check();
      await main.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
      await landed();
    },

    /** Opens /dev/outbox and follows the link (whose href contains `hrefPart`) in the newest email to `to`. */
    async followEmailLink(to: string, hrefPart: string) {
      await page.goto('/dev/outbox');
      await landed();
      const blocks = page.locator('article, li, section, tr').filter({ hasText: to });
      // The innermost element holding the address is one email; newest first, so take the first.
      const email = blocks.filter({ hasNot: blocks }).first();
      const link = email.locator(`a[href*="${hrefPart}"]`).first();
      await expect(link, `an email to ${to} with a ${hrefPart} link`).toBeVisible();
      await link.click();
      await expect(page).toHaveURL(new RegExp(hrefPart.replace(/[?]/g, '\\?')));
      await landed();
    },

    /** Confirms a new account from its emailed link, with the password chosen at sign-up. */
    async confirmSignUp(email: string, password: string) {
      await self.followEmailLink(email, '/auth/confirm');
      await main.getByLabel('Password chosen at sign-up').fill(password);
      await main.getByRole('button', { name: 'Confirm and sign in' }).click();
      await self.expectDashboard();
    },

    async expectDashboard() {
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
      await landed();
    },

    /** Signs in on /signin, or on the sign-in page already open when `goto` is false. */
    async signIn(email: string, password: string, { goto = true } = {}) {
      if (goto) await page.goto('/signin');
      await landed();
      await main.getByLabel('Email', { exact: true }).fill(email);
      await main.getByLabel('Password', { exact: true }).fill(password);
      await main.getByRole('button', { name: 'Sign in', exact: true }).click();
    },

    /** Signs out from the header; ends on the home page, which says it worked. */
    async signOut() {
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'You have been signed out.' }),
      ).toBeVisible();
      await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
      await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
      await landed();
    },

    async openList(search = '') {
      await page.goto(`/applications${search}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
      await landed();
    },

    async fillApplication(fields: Partial<ApplicationFields>) {
      if (fields.company !== undefined)
        await main.getByLabel('Company', { exact: true }).fill(fields.company);
      if (fields.role !== undefined)
        await main.getByLabel('Role', { exact: true }).fill(fields.role);
      if (fields.status)
        await main.getByLabel('Status', { exact: true }).selectOption({ label: fields.status });
      for (const [key, label] of DATE_FIELDS) {
        const value = fields[key];
        if (value === undefined) continue;
        const [year = '', month = '', day = ''] = value ? value.split('-') : [];
        await self.fillDate(label, day, month, year);
      }
      if (fields.mayCloseEarly !== undefined) {
        await main
          .getByLabel('The advert may close early', { exact: true })
          .setChecked(fields.mayCloseEarly);
      }
      for (const [key, label] of TEXT_FIELDS) {
        const value = fields[key];
        if (value !== undefined) await main.getByLabel(label, { exact: true }).fill(value);
      }
    },

    /** Types a date into the day, month and year boxes of the date input named `legend`. */
    async fillDate(legend: string, day: string, month: string, year: string) {
      const group = main.getByRole('group', { name: legend, exact: true });
      await group.getByLabel('Day', { exact: true }).fill(day);
      await group.getByLabel('Month', { exact: true }).fill(month);
      await group.getByLabel('Year', { exact: true }).fill(year);
    },

    /** Opens the list's "Filter and sort" (folded away unless in use). */
    async openFilters() {
      const more = main.locator('details.filters__more');
      if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open))) {
        await more.getByText('Filter and sort', { exact: true }).click();
      }
    },

    /** Adds an application from the list's "Add application" link; ends on its page. */
    async addApplication(fields: ApplicationFields) {
      await page.getByRole('link', { name: 'Add application' }).click();
      await expect(page).toHaveURL(/\/applications\/new(\?key=[0-9a-f-]{36})?$/);
      await landed();
      await self.fillApplication(fields);
      await main.getByRole('button', { name: 'Save application' }).click();
      await self.expectApplicationPage(fields);
    },

    async expectApplicationPage({ company, role }: Pick<ApplicationFields, 'company' | 'role'>) {
      // The account's page has the id in its path; guest mode's in its fragment.
      await expect(page).toHaveURL(/\/(applications\/|guest\/application#)[0-9a-f-]{36}$/);
      await expect(
        page.getByRole('heading', { level: 1, name: `${role} at ${company}` }),
      ).toBeVisible();
      await landed();
    },
  };
  return self;
}
