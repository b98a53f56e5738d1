import { setupServer } from 'msw/node';

/** The MSW server shared by every test file; outside services add their handlers per test. */
export const server = setupServer();
