import { parseWithZod } from '@conform-to/zod';
import { describe, expect, it } from 'vitest';
import { serverChecks } from '~/auth/common-passwords.server';
import { emailRequestLoader } from '~/auth/email-request.server';
import {
  changePasswordSchema,
  choosePasswordSchema,
  deleteAccountSchema,
  emailLinkSchema,
  emailRequestSchema,
  googleSignUpSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from '~/auth/auth-schemas';

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const signUp = (fields: Record<string, string>, checks = serverChecks) =>
  parseWithZod(form(fields), { schema: signUpSchema(checks) });

const valid = { email: 'ada@example.com', password: 'plum kettle harbour', adult: 'on' };

function errorsOf(submission: ReturnType<typeof signUp>) {
  return submission.status === 'error' ? submission.error : null;
}

describe('sign-up schema', () => {
  it('accepts an email, a good password and the age confirmation', () => {
    const result = signUp(valid);
    expect(result.status).toBe('success');
    if (result.status === 'success') {
      expect(result.value).toEqual({
        email: 'ada@example.com',
        password: 'plum kettle harbour',
        adult: true,
      });
    }
  });

  it('normalises the email: trimmed and lower-cased', () => {
    const result = signUp({ ...valid, email: '  Ada.Lovelace@Example.COM ' });
    expect(result.status === 'success' && result.value.email).toBe('ada.lovelace@example.com');
  });

  it.each([
    ['', 'Enter your email address'],
    ['not-an-email', 'Enter an email address like name@example.com'],
    [`${'a'.repeat(250)}@example.com`, 'Email addresses are at most 254 characters'],
  ])('refuses the email %j', (email, message) => {
    expect(errorsOf(signUp({ ...valid, email }))?.email?.[0]).toBe(message);
  });

  it('needs at least 8 characters', () => {
    expect(errorsOf(signUp({ ...valid, password: 'abc defg' }))).toBeNull();
    expect(errorsOf(signUp({ ...valid, password: 'abc def' }))?.password).toEqual([
      'Use at least 8 characters',
    ]);
    expect(errorsOf(signUp({ ...valid, password: '' }))?.password).toEqual(['Enter a password']);
  });

  it('counts characters as people do: four emoji are four characters, not eight', () => {
    expect(errorsOf(signUp({ ...valid, password: '😀🎉🍋🚲' }))?.password).toEqual([
      'Use at least 8 characters',
    ]);
    expect(errorsOf(signUp({ ...valid, password: '😀🎉🍋🚲🌵🐢🎈🧩' }))).toBeNull();
  });

  it('allows at least 64 characters, and up to 128', () => {
    const long = 'kettle harbour plum '.repeat(7).slice(0, 128);
    expect(long).toHaveLength(128);
    expect(errorsOf(signUp({ ...valid, password: long.slice(0, 64) }))).toBeNull();
    expect(errorsOf(signUp({ ...valid, password: long }))).toBeNull();
    expect(errorsOf(signUp({ ...valid, password: `${long}x` }))?.password).toEqual([
      'Use 128 characters or fewer',
    ]);
  });

  it('has no composition rules: lower-case letters alone, or spaces, are fine', () => {
    expect(errorsOf(signUp({ ...valid, password: 'lowercaseonly' }))).toBeNull();
    expect(errorsOf(signUp({ ...valid, password: '        x' }))).toBeNull();
  });

  it('refuses the most common passwords whatever their case, on the server', () => {
    const message = 'This is one of the most common passwords. Choose one that is harder to guess';
    expect(errorsOf(signUp({ ...valid, password: 'password1' }))?.password).toEqual([message]);
    expect(errorsOf(signUp({ ...valid, password: 'QwertyUIOP' }))?.password).toEqual([message]);
  });

  it('leaves the common-password check to the server in the browser (no list there)', () => {
    const browser = parseWithZod(form({ ...valid, password: 'password1' }), {
      schema: signUpSchema(),
    });
    expect(browser.status).toBe('success');
  });

  it('requires the "I am 18 or over" confirmation', () => {
    const { adult: _adult, ...rest } = valid;
    expect(errorsOf(signUp(rest))?.adult).toEqual(['Confirm that you are 18 or over']);
    expect(errorsOf(signUp({ ...valid, adult: 'yes please' }))?.adult).toEqual([
      'Confirm that you are 18 or over',
    ]);
  });

  it('limits the honeypot field like any other: 200 characters', () => {
    expect(errorsOf(signUp({ ...valid, website: 'x'.repeat(200) }))).toBeNull();
    expect(errorsOf(signUp({ ...valid, website: 'x'.repeat(201) }))?.website).toHaveLength(1);
  });

  it('for "Continue with Google", asks for the age box alone and reads nothing else typed', () => {
    const google = (fields: Record<string, string>) =>
      parseWithZod(form(fields), { schema: googleSignUpSchema });

    const ticked = google({ intent: 'google', adult: 'on', email: 'half@', password: 'x' });
    const unticked = google({ intent: 'google', email: 'ada@example.com' });
    const other = google({ intent: 'google', adult: 'yes please' });

    expect(ticked.status === 'success' && ticked.value).toEqual({ adult: true });
    expect(unticked.status === 'error' && unticked.error).toEqual({
      adult: ['Confirm that you are 18 or over'],
    });
    expect(other.status === 'error' && other.error?.adult).toEqual([
      'Confirm that you are 18 or over',
    ]);
  });

  it('takes an email of up to 254 characters', () => {
    const longest = `${'a'.repeat(242)}@example.com`;
    expect(longest).toHaveLength(254);
    expect(errorsOf(signUp({ ...valid, email: longest }))).toBeNull();
    expect(errorsOf(signUp({ ...valid, email: `a${longest}` }))?.email).toEqual([
      'Email addresses are at most 254 characters',
    ]);
  });
});

describe('sign-in schema', () => {
  it('does not apply the new-password rules to an existing password', () => {
    const result = parseWithZod(form({ email: 'a@example.com', password: 'short' }), {
      schema: signInSchema,
    });
    expect(result.status).toBe('success');
  });

  it('limits the password to 128 characters and the redirect target to 2,000', () => {
    const signIn = (password: string, redirectTo: string) =>
      parseWithZod(form({ email: 'a@example.com', password, redirectTo }), {
        schema: signInSchema,
      });
    expect(signIn('x'.repeat(128), `/${'x'.repeat(1999)}`).status).toBe('success');
    const result = signIn('x'.repeat(129), `/${'x'.repeat(2000)}`);
    const error = result.status === 'error' ? result.error : {};
    expect(error?.password).toEqual(['Passwords are at most 128 characters']);
    expect(error?.redirectTo).toHaveLength(1);
  });
});

describe('link and password-change schemas', () => {
  const token = 'ab'.repeat(32);

  it('accepts only a 64-hex token and the two link types', () => {
    const ok = parseWithZod(form({ token_hash: token, type: 'magiclink' }), {
      schema: emailLinkSchema,
    });
    expect(ok.status).toBe('success');
    for (const fields of [
      { token_hash: token.slice(1), type: 'signup' },
      { token_hash: token.toUpperCase(), type: 'signup' },
      { token_hash: token, type: 'recovery' },
    ]) {
      expect(parseWithZod(form(fields), { schema: emailLinkSchema }).status).toBe('error');
    }
  });

  it('says what is wrong with a link that was cut short or changed', () => {
    const errorsFor = (fields: Record<string, string>) => {
      const result = parseWithZod(form(fields), { schema: emailLinkSchema });
      return result.status === 'error' ? result.error : null;
    };
    expect(errorsFor({ type: 'signup' })?.token_hash).toEqual(['This link is incomplete']);
    expect(errorsFor({ token_hash: 'abc', type: 'signup' })?.token_hash).toEqual([
      'This link is incomplete or has been changed',
    ]);
    expect(errorsFor({ token_hash: token, type: 'recovery' })?.type).toEqual([
      'This link is incomplete or has been changed',
    ]);
  });

  it('asks for the sign-up password when "with" it is pressed empty, and only then', () => {
    const press = (fields: Record<string, string>) =>
      parseWithZod(form({ token_hash: token, type: 'signup', ...fields }), {
        schema: emailLinkSchema,
      });
    const empty = press({ intent: 'with-password' });
    expect(empty.status === 'error' && empty.error).toEqual({
      password: ['Enter the password you chose when you created the account'],
    });
    expect(press({ intent: 'with-password', password: 'plum kettle harbour' }).status).toBe(
      'success',
    );
    expect(press({ intent: 'without-password' }).status).toBe('success');
    expect(press({}).status).toBe('success');
  });

  it('asks for each password by name when it is missing', () => {
    const change = parseWithZod(form({}), { schema: changePasswordSchema(serverChecks) });
    expect(change.status === 'error' && change.error).toEqual({
      currentPassword: ['Enter your current password'],
      newPassword: ['Enter a new password'],
    });
    const reset = parseWithZod(form({ token }), { schema: resetPasswordSchema(serverChecks) });
    expect(reset.status === 'error' && reset.error).toEqual({
      password: ['Enter a new password'],
    });
    const remove = parseWithZod(form({}), { schema: deleteAccountSchema });
    expect(remove.status === 'error' && remove.error).toEqual({
      password: ['Enter your password'],
    });
    const choose = parseWithZod(form({}), { schema: choosePasswordSchema(serverChecks) });
    expect(choose.status === 'error' && choose.error).toEqual({
      newPassword: ['Enter a new password'],
    });
  });

  it('limits the current password to 128 characters on the account page, saying so', () => {
    const change = parseWithZod(
      form({ currentPassword: 'x'.repeat(129), newPassword: 'plum kettle harbour' }),
      { schema: changePasswordSchema(serverChecks) },
    );
    expect(change.status === 'error' && change.error).toEqual({
      currentPassword: ['Passwords are at most 128 characters'],
    });
  });

  it('takes an existing password of up to 128 characters, whatever it is', () => {
    const remove = (password: string) =>
      parseWithZod(form({ password }), { schema: deleteAccountSchema });
    expect(remove('x').status).toBe('success');
    expect(remove('x'.repeat(128)).status).toBe('success');
    const tooLong = remove('x'.repeat(129));
    expect(tooLong.status === 'error' && tooLong.error?.password).toEqual([
      'Passwords are at most 128 characters',
    ]);
  });

  it('asks for an email in the forms that send a link, lower-cased, with the honeypot', () => {
    const schema = emailRequestSchema;
    const ok = parseWithZod(form({ email: ' Ada@Example.com ', website: '' }), { schema });
    expect(ok.status === 'success' && ok.value).toEqual({ email: 'ada@example.com' });
    const missing = parseWithZod(form({}), { schema });
    expect(missing.status === 'error' && missing.error).toEqual({
      email: ['Enter your email address'],
    });
    const bot = parseWithZod(form({ email: 'a@example.com', website: 'x' }), { schema });
    expect(bot.status === 'success' && bot.value.website).toBe('x');
  });

  it('applies the new-password rules to a reset and to a change', () => {
    const reset = parseWithZod(form({ token, password: 'iloveyou' }), {
      schema: resetPasswordSchema(serverChecks),
    });
    expect(reset.status === 'error' && reset.error?.password).toBeTruthy();
    const change = parseWithZod(form({ currentPassword: 'anything', newPassword: 'short' }), {
      schema: changePasswordSchema(serverChecks),
    });
    expect(change.status === 'error' && change.error).toEqual({
      newPassword: ['Use at least 8 characters'],
    });
  });
});

describe('the email-link pages’ loader', () => {
  it('gives the email field its constraint from the schema: required, and no maxlength to cut a paste', () => {
    expect(emailRequestLoader().constraint.email).toEqual({ required: true });
  });
});
