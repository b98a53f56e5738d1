// `npm run constraints`: writes app/guest/form-constraints.json from the guest forms' schemas.
// Run it after changing one of them (a unit test says when it is due).
import { writeFileSync } from 'node:fs';
import { guestConstraints } from './lib/guest-constraints';

export const CONSTRAINTS_FILE = new URL('../app/guest/form-constraints.json', import.meta.url);

writeFileSync(CONSTRAINTS_FILE, `${JSON.stringify(guestConstraints(), null, 2)}\n`);
console.log(`Wrote ${CONSTRAINTS_FILE.pathname}`);
