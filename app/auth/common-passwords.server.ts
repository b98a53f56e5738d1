// Kept server-side (.server) so the list never ships in the browser bundle; the form schemas
// receive it as a check and the browser leaves that one rule to the server.
import { COMMON_PASSWORDS } from './common-passwords';

const common = new Set(COMMON_PASSWORDS);

/** True for one of the 1,000 most common passwords, whatever its letter case. */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

/** The checks only the server makes, for the form schemas in ./schemas. */
export const serverChecks = { isCommonPassword };
