import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// The normal browser-test configuration pointed at the canary alone, JavaScript on only.
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'fails.spec.ts',
  // The canary must fail once, retry or not.
  retries: 0,
  reporter: [['list'], ['../e2e/support/closing-line.ts']],
  projects: base.projects?.filter((project) => project.name === 'js'),
});
