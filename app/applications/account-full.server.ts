// The database's refusal of an insert that would take an account past MAX_APPLICATIONS
// (migration 0022's trigger), told apart from any other failure.

/** True for migration 0022's refusal, wherever it sits in the error's causes. */
export function isAccountFull(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { constraint_name?: unknown }).constraint_name === 'applications_per_account')
      return true;
  }
  return false;
}
