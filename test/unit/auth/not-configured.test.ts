import { describe, expect, it } from 'vitest';
import { AuthNotConfiguredError, notConfiguredAuth } from '~/auth/not-configured.server';

describe('an auth mode whose adapter does not exist yet', () => {
  it('refuses every call with an error that names the mode and the way out', async () => {
    const port = notConfiguredAuth('supabase');
    const request = new Request('https://jobtrack.example/');
    const user = { id: 'someone', email: 'a@example.com' };
    const calls = [
      port.claim(request),
      port.signUp(request, { email: 'a@example.com', password: 'p' }),
      port.signIn(request, { email: 'a@example.com', password: 'p' }),
      port.signOut(request),
      port.sendMagicLink(request, { email: 'a@example.com' }),
      port.sendPasswordReset(request, { email: 'a@example.com' }),
      port.inspectEmailLink(request, { token: 't', type: 'magiclink' }),
      port.verifyEmailLink(request, { token: 't', type: 'magiclink', password: null }),
      port.resendConfirmation(request, { email: 'a@example.com' }),
      port.signOutOthers(request, user),
      port.hasPassword(user),
      port.resetPassword(request, { token: 't', password: 'p' }),
      port.changePassword(request, user, { currentPassword: 'p', newPassword: 'q' }),
      port.deleteAccount(request, user, { password: 'p' }),
    ];

    for (const call of calls) {
      const error = await call.then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(AuthNotConfiguredError);
      expect((error as Error).name).toBe('AuthNotConfiguredError');
      expect((error as Error).message).toBe(
        'Auth mode "supabase" is not configured yet: its adapter has not been built. ' +
          'Set AUTH_MODE = "local" in wrangler.toml [vars] to use local accounts.',
      );
    }
  });
});
