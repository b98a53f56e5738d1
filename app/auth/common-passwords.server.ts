// Kept server-side (.server) so the list never ships in the browser bundle; the form schemas
// receive it as a check and the browser leaves that one rule to the server.
import { COMMON_PASSWORDS } from './common-passwords';

// Built on first use, not at startup: most requests never check a new password.
let common: Set<string> | undefined;

/**
 * True for one of the 10,000 most common passwords that the length rule allows, whatever its
 * letter case. (Shorter common passwords are refused by the length rule itself.)
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS.split('\n'));
  return common.has(password.toLowerCase());
}

/** The checks only the server makes, for the form schemas in ./auth-schemas. */
export const serverChecks = { isCommonPassword };
