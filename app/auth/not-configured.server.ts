import type { AuthPort } from './port';

/** Thrown in AUTH_MODE=supabase until the Supabase adapter exists, instead of pretending. */
export class AuthNotConfiguredError extends Error {
  constructor(mode: string) {
    super(
      `Auth mode "${mode}" is not configured yet: its adapter has not been built. ` +
        'Set AUTH_MODE = "local" in wrangler.toml [vars] to use local accounts.',
    );
    this.name = 'AuthNotConfiguredError';
  }
}

/** A port whose every call fails loudly with AuthNotConfiguredError. */
export function notConfiguredAuth(mode: string): AuthPort {
  const fail = async (): Promise<never> => {
    throw new AuthNotConfiguredError(mode);
  };
  return {
    claim: fail,
    signUp: fail,
    signIn: fail,
    resendConfirmation: fail,
    signOut: fail,
    signOutOthers: fail,
    sendMagicLink: fail,
    sendPasswordReset: fail,
    inspectEmailLink: fail,
    verifyEmailLink: fail,
    resetPassword: fail,
    hasPassword: fail,
    changePassword: fail,
    deleteAccount: fail,
  };
}
