// A fake Supabase Auth (GoTrue v2.196), shaped on supabase/auth's handlers (internal/api/*.go) and
// on what @supabase/supabase-js 2.119 sends (see /work/notes/supabase.md for the sources). One
// `handle(Request) → Response`, so the same fake answers MSW in-process (vitest) and, later, a
// node:http server on 127.0.0.1 for workerd. Like the hosted service it sends the project's
// emails itself (kept in `outbox`, rendered from the templates the README asks for) and writes
// its users into auth.users of the test database (`onUserWrite`).
import { makeSigningKey, signJwt, verifyJwt, type SigningKey } from './jwt';

const API_VERSION = '2024-01-01';

type Row = {
  instance_id: string;
  id: string;
  aud: string;
  role: string;
  email: string;
  encrypted_password: string;
  /** The fake compares plain passwords; Supabase keeps a bcrypt hash. */
  password: string | null;
  email_confirmed_at: Date | null;
  confirmation_token: string;
  confirmation_sent_at: Date | null;
  recovery_token: string;
  recovery_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, any>;
  raw_user_meta_data: Record<string, any>;
  identities: any[];
  created_at: Date;
  updated_at: Date;
};

export type FakeEmail = {
  to: string;
  template: 'confirmation' | 'magic_link' | 'recovery' | 'password_changed';
  subject: string;
  body: string;
  tokenHash: string | null;
};

export type FakeSupabaseConfig = {
  /** The project URL (Auth lives under /auth/v1). */
  url: string;
  publishableKey: string;
  secretKey: string;
  /** The project's Site URL: the emails' links start with it. */
  siteUrl: string;
  /** SMTP_MAX_FREQUENCY: seconds between two emails of one kind to one user (60 on Supabase). */
  maxFrequencySec?: number;
  /** MAILER_OTP_EXP: how long an emailed link works (3600 on Supabase). */
  otpExp?: number;
  /** JWT expiry (3600 on Supabase). */
  jwtExp?: number;
  alg?: 'ES256' | 'HS256';
  /** The security notification "password changed" (on in the README's setup). */
  notifyPasswordChanged?: boolean;
  /** The Google account the fake consent page signs in with, when Google is enabled. */
  google?: { email: string; name: string } | null;
  /**
   * GOTRUE_PASSWORD_REQUIRED_CHARACTERS: each string is a set the password needs one character
   * of (the dashboard's "lowercase, uppercase letters, digits and symbols" option); none by default.
   */
  requiredCharacters?: string[];
  onUserWrite?: (event: { type: 'upsert' | 'delete'; user: Row }) => Promise<void>;
  /** Called as sessions begin and end, to keep auth.sessions of a test database as GoTrue does. */
  onSessionWrite?: (
    event: { type: 'create'; id: string; userId: string } | { type: 'delete'; ids: string[] },
  ) => Promise<void>;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: object = {},
  ) {
    super(message);
  }
}

type Failure = {
  match: (r: { method: string; path: string; query: URLSearchParams }) => boolean;
  status?: number;
  code?: string;
  message?: string;
  network?: boolean;
};

const hex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
const iso = (d: Date | null) => (d ? d.toISOString() : undefined);
const refreshToken = () => {
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => abc[b % 36]).join('');
};

/** A fake Supabase Auth project; `handle` answers its /auth/v1 API. */
export async function createFakeSupabaseAuth(options: FakeSupabaseConfig) {
  const cfg = {
    maxFrequencySec: 60,
    otpExp: 3600,
    jwtExp: 3600,
    alg: 'ES256' as const,
    notifyPasswordChanged: true,
    google: null,
    requiredCharacters: [] as string[],
    ...options,
  };
  const keys: SigningKey[] = [await makeSigningKey(cfg.alg)];
  const state_ = {
    users: new Map<string, Row>(),
    sessions: new Map<string, { userId: string; amr: object[] }>(),
    refresh: new Map<string, { sessionId: string; revokedAt: number | null }>(),
    flows: new Map<string, any>(),
    outbox: [] as FakeEmail[],
    requests: [] as { method: string; path: string; query: Record<string, string> }[],
    failures: [] as Failure[],
  };
  const state = state_;
  let emailGate: Promise<void> | null = null;

  const byEmail = (email: string) =>
    [...state.users.values()].find((u) => u.email === email.toLowerCase());
  const write = async (type: 'upsert' | 'delete', user: Row) => {
    await cfg.onUserWrite?.({ type, user });
  };

  const publicUser = (u: Row) => ({
    id: u.id,
    aud: u.aud,
    role: u.role,
    email: u.email,
    email_confirmed_at: iso(u.email_confirmed_at),
    phone: '',
    confirmation_sent_at: iso(u.confirmation_sent_at),
    confirmed_at: iso(u.email_confirmed_at),
    recovery_sent_at: iso(u.recovery_sent_at),
    last_sign_in_at: iso(u.last_sign_in_at),
    app_metadata: u.raw_app_meta_data,
    user_metadata: u.raw_user_meta_data,
    identities: u.identities,
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    is_anonymous: false,
  });

  async function newUser(email: string, password: string | null, provider: string, meta = {}) {
    const now = new Date();
    const id = crypto.randomUUID();
    const user: Row = {
      instance_id: '00000000-0000-0000-0000-000000000000',
      id,
      aud: 'authenticated',
      role: 'authenticated',
      email: email.toLowerCase(),
      encrypted_password: password ? `$2a$10$${hex(26)}` : '',
      password,
      email_confirmed_at: null,
      confirmation_token: '',
      confirmation_sent_at: null,
      recovery_token: '',
      recovery_sent_at: null,
      last_sign_in_at: null,
      raw_app_meta_data: { provider, providers: [provider] },
      raw_user_meta_data: meta,
      identities: [
        {
          identity_id: crypto.randomUUID(),
          id,
          user_id: id,
          identity_data: { sub: id, email: email.toLowerCase(), email_verified: false, ...meta },
          provider,
          created_at: iso(now),
          updated_at: iso(now),
          email: email.toLowerCase(),
        },
      ],
      created_at: now,
      updated_at: now,
    };
    state.users.set(id, user);
    await write('upsert', user);
    return user;
  }

  function checkFrequency(sentAt: Date | null) {
    const wait = sentAt ? sentAt.getTime() + cfg.maxFrequencySec * 1000 - Date.now() : 0;
    if (wait > 0) {
      throw new HttpError(
        429,
        'over_email_send_rate_limit',
        `For security purposes, you can only request this after ${Math.ceil(wait / 1000)} seconds.`,
      );
    }
  }

  const SUBJECTS = {
    confirmation: 'Confirm your email address for JobTrack',
    magic_link: 'Your JobTrack sign-in link',
    recovery: 'Reset your JobTrack password',
    password_changed: 'Your JobTrack password has been changed',
  };

  /** The email templates the README configures (Dashboard → Authentication → Emails). */
  function render(template: FakeEmail['template'], tokenHash: string) {
    const site = cfg.siteUrl;
    switch (template) {
      case 'confirmation':
        return `Confirm your address: ${site}/auth/confirm?token_hash=${tokenHash}&type=signup`;
      case 'magic_link':
        return `Sign in: ${site}/auth/confirm?token_hash=${tokenHash}&type=magiclink`;
      case 'recovery':
        return `Choose a new password: ${site}/reset-password?token=${tokenHash}`;
      case 'password_changed':
        return `Your password was changed. Not you? ${site}/forgot-password`;
    }
  }

  async function sendLink(u: Row, template: 'confirmation' | 'magic_link' | 'recovery') {
    if (emailGate) await emailGate;
    // GoTrue: the token hash is sha224(email + otp) as hex; it is stored as the user's token.
    const tokenHash = hex(28);
    if (template === 'confirmation') {
      u.confirmation_token = tokenHash;
      u.confirmation_sent_at = new Date();
    } else {
      u.recovery_token = tokenHash;
      u.recovery_sent_at = new Date();
    }
    const body = render(template, tokenHash);
    state.outbox.push({ to: u.email, template, subject: SUBJECTS[template], body, tokenHash });
    await write('upsert', u);
  }

  async function issueSession(u: Row, method: string) {
    const sessionId = crypto.randomUUID();
    state.sessions.set(sessionId, {
      userId: u.id,
      amr: [{ method, timestamp: Math.floor(Date.now() / 1000) }],
    });
    u.last_sign_in_at = new Date();
    await write('upsert', u);
    await cfg.onSessionWrite?.({ type: 'create', id: sessionId, userId: u.id });
    return tokensFor(u, sessionId);
  }

  async function tokensFor(u: Row, sessionId: string) {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + cfg.jwtExp;
    const claims = {
      iss: `${cfg.url}/auth/v1`,
      sub: u.id,
      aud: 'authenticated',
      exp,
      iat,
      email: u.email,
      phone: '',
      app_metadata: u.raw_app_meta_data,
      user_metadata: u.raw_user_meta_data,
      role: u.role,
      aal: 'aal1',
      amr: state.sessions.get(sessionId)!.amr,
      session_id: sessionId,
      is_anonymous: false,
    };
    const refresh = refreshToken();
    state.refresh.set(refresh, { sessionId, revokedAt: null });
    return {
      access_token: await signJwt(keys[0]!, claims),
      token_type: 'bearer',
      expires_in: cfg.jwtExp,
      expires_at: exp,
      refresh_token: refresh,
      user: publicUser(u),
    };
  }

  async function requireUser(request: Request) {
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.get('authorization') ?? '');
    if (!bearer)
      throw new HttpError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
    const checked = await verifyJwt(keys, bearer[1]!);
    if ('error' in checked) {
      throw new HttpError(
        403,
        'bad_jwt',
        `invalid JWT: unable to parse or verify signature, ${checked.error}`,
      );
    }
    const user = state.users.get(checked.claims.sub);
    if (!user)
      throw new HttpError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    const sessionId = checked.claims.session_id as string;
    if (!state.sessions.has(sessionId)) {
      throw new HttpError(
        403,
        'session_not_found',
        'Session from session_id claim in JWT does not exist',
      );
    }
    return { user, sessionId };
  }

  function requireAdmin(request: Request) {
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.get('authorization') ?? '');
    if (!bearer)
      throw new HttpError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
    // The hosted gateway turns the secret key into a service_role JWT; the fake compares the key.
    if (bearer[1] !== cfg.secretKey) throw new HttpError(403, 'not_admin', 'User not allowed');
  }

  async function endSessions(which: (id: string, session: { userId: string }) => boolean) {
    const ended = [...state.sessions].filter(([id, session]) => which(id, session));
    for (const [id] of ended) state.sessions.delete(id);
    for (const [token, r] of state.refresh)
      if (!state.sessions.has(r.sessionId)) state.refresh.delete(token);
    if (ended.length) await cfg.onSessionWrite?.({ type: 'delete', ids: ended.map(([id]) => id) });
  }

  function validEmail(email: unknown) {
    if (typeof email !== 'string' || !email) {
      throw new HttpError(400, 'validation_failed', 'An email address is required');
    }
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 255) {
      throw new HttpError(
        400,
        'validation_failed',
        'Unable to validate email address: invalid format',
      );
    }
    return email.toLowerCase();
  }

  /** api/password.go checkPasswordStrength: length, then the required character sets. */
  function checkStrength(password: string) {
    if (password.length > 72) {
      throw new HttpError(400, 'validation_failed', 'Password cannot be longer than 72 characters');
    }
    const reasons: string[] = [];
    const messages: string[] = [];
    if (password.length < 6) {
      reasons.push('length');
      messages.push('Password should be at least 6 characters.');
    }
    if (cfg.requiredCharacters.some((set) => set && ![...set].some((c) => password.includes(c)))) {
      reasons.push('characters');
      messages.push(
        `Password should contain at least one character of each: ${cfg.requiredCharacters.join(', ')}.`,
      );
    }
    if (reasons.length > 0) {
      throw new HttpError(422, 'weak_password', messages.join(' '), {
        weak_password: { reasons },
      });
    }
  }

  /** PUT /user's password change: strength, then "same password" (the admin API skips that). */
  async function setPassword(user: Row, password: string, { admin = false } = {}) {
    checkStrength(password);
    if (!admin && user.password === password) {
      throw new HttpError(
        422,
        'same_password',
        'New password should be different from the old password.',
      );
    }
    user.password = password;
    user.encrypted_password = `$2a$10$${hex(26)}`;
  }

  type Handler = (
    request: Request,
    query: URLSearchParams,
    body: any,
    id: string,
  ) => Promise<Response>;
  const routes: Record<string, Handler> = {
    'GET /.well-known/jwks.json': async () =>
      json(
        200,
        { keys: keys.flatMap((k) => (k.publicJwk ? [k.publicJwk] : [])) },
        {
          'Cache-Control': 'public, max-age=600',
        },
      ),

    'POST /signup': async (_request, _query, body) => {
      const email = validEmail(body.email);
      if (!body.password)
        throw new HttpError(400, 'validation_failed', 'Signup requires a valid password');
      // signup.go validateSignupParams: the password policy, before the address is looked up.
      checkStrength(body.password);
      let user = byEmail(email);
      if (user?.email_confirmed_at) {
        // signup.go sanitizeUser: a confirmed address gets a made-up user and no email.
        const now = new Date();
        return json(200, {
          ...publicUser(user),
          id: crypto.randomUUID(),
          role: '',
          email_confirmed_at: undefined,
          confirmed_at: undefined,
          last_sign_in_at: undefined,
          recovery_sent_at: undefined,
          confirmation_sent_at: iso(now),
          created_at: iso(now),
          updated_at: iso(now),
          identities: [],
          user_metadata: body.data ?? {},
          app_metadata: { provider: 'email', providers: ['email'] },
        });
      }
      if (user) checkFrequency(user.confirmation_sent_at);
      // An unconfirmed user is not changed (the password stays); the email goes again.
      user ??= await newUser(email, body.password, 'email', body.data ?? {});
      await sendLink(user, 'confirmation');
      return json(200, publicUser(user));
    },

    'POST /resend': async (_request, _query, body) => {
      if (body.type !== 'signup') {
        throw new HttpError(
          400,
          'validation_failed',
          'Missing one of these types: signup, email_change, sms, phone_change',
        );
      }
      const user = byEmail(validEmail(body.email));
      if (!user || user.email_confirmed_at) return json(200, {});
      checkFrequency(user.confirmation_sent_at);
      await sendLink(user, 'confirmation');
      return json(200, {});
    },

    'POST /token': async (_request, query, body) => {
      const grant = query.get('grant_type');
      if (grant === 'password') {
        const user = body.email ? byEmail(body.email) : undefined;
        if (!user?.password || user.password !== body.password) {
          throw new HttpError(400, 'invalid_credentials', 'Invalid login credentials');
        }
        if (!user.email_confirmed_at)
          throw new HttpError(400, 'email_not_confirmed', 'Email not confirmed');
        return json(200, await issueSession(user, 'password'));
      }
      if (grant === 'refresh_token') {
        const token = String(body.refresh_token ?? '');
        if (token.length < 12)
          throw new HttpError(400, 'validation_failed', 'Refresh token is not valid');
        const record = state.refresh.get(token);
        if (!record) {
          throw new HttpError(
            400,
            'refresh_token_not_found',
            'Invalid Refresh Token: Refresh Token Not Found',
          );
        }
        const session = state.sessions.get(record.sessionId);
        if (!session) {
          throw new HttpError(
            400,
            'session_not_found',
            'Invalid Refresh Token: No Valid Session Found',
          );
        }
        // A revoked token is accepted again within the reuse interval (10 s); after it, GoTrue
        // treats the reuse as theft and ends the whole session.
        if (record.revokedAt !== null && Date.now() - record.revokedAt > 10_000) {
          await endSessions((id) => id === record.sessionId);
          throw new HttpError(
            400,
            'refresh_token_already_used',
            'Invalid Refresh Token: Already Used',
          );
        }
        record.revokedAt ??= Date.now();
        return json(200, await tokensFor(state.users.get(session.userId)!, record.sessionId));
      }
      if (grant === 'pkce') {
        if (!body.auth_code || !body.code_verifier) {
          throw new HttpError(
            400,
            'validation_failed',
            'invalid request: both auth code and code verifier should be non-empty',
          );
        }
        const [id, flow] = [...state_.flows].find(([, f]) => f.authCode === body.auth_code) ?? [];
        if (!flow?.userId) {
          throw new HttpError(
            404,
            'flow_state_not_found',
            'invalid flow state, no valid flow state found',
          );
        }
        const digest = await crypto.subtle.digest(
          'SHA-256',
          new TextEncoder().encode(body.code_verifier),
        );
        if (Buffer.from(digest).toString('base64url') !== flow.challenge) {
          throw new HttpError(
            400,
            'bad_code_verifier',
            'code challenge does not match previously saved code verifier',
          );
        }
        state_.flows.delete(id!);
        return json(200, await issueSession(state.users.get(flow.userId)!, 'oauth'));
      }
      throw new HttpError(400, 'validation_failed', 'unsupported_grant_type');
    },

    'POST /otp': async (_request, _query, body) => {
      const email = typeof body.email === 'string' ? body.email.toLowerCase() : '';
      let user = byEmail(email);
      if (body.create_user === false && !user) {
        throw new HttpError(422, 'otp_disabled', 'Signups not allowed for otp');
      }
      validEmail(email);
      if (!user || !user.email_confirmed_at) {
        // magic_link.go: an unknown or unconfirmed address takes the sign-up path and gets the
        // confirmation email instead of a sign-in link.
        user ??= await newUser(email, null, 'email', body.data ?? {});
        checkFrequency(user.confirmation_sent_at);
        await sendLink(user, 'confirmation');
        return json(200, {});
      }
      checkFrequency(user.recovery_sent_at);
      await sendLink(user, 'magic_link');
      return json(200, {});
    },

    'POST /recover': async (_request, _query, body) => {
      const user = byEmail(validEmail(body.email));
      if (!user) return json(200, {});
      checkFrequency(user.recovery_sent_at);
      await sendLink(user, 'recovery');
      return json(200, {});
    },

    'POST /verify': async (_request, _query, body) => {
      if (!body.token_hash)
        throw new HttpError(
          400,
          'validation_failed',
          'Verify requires either a token or a token hash',
        );
      const columns: Record<string, ('confirmation' | 'recovery')[]> = {
        signup: ['confirmation'],
        magiclink: ['recovery'],
        recovery: ['recovery'],
        email: ['confirmation', 'recovery'],
      };
      const kinds = columns[body.type];
      if (!kinds) throw new HttpError(400, 'validation_failed', 'Invalid email verification type');
      const user = [...state.users.values()].find((u) =>
        kinds.some(
          (k) =>
            (k === 'confirmation' ? u.confirmation_token : u.recovery_token) === body.token_hash,
        ),
      );
      const kind = user?.confirmation_token === body.token_hash ? 'confirmation' : 'recovery';
      const sentAt =
        user && (kind === 'confirmation' ? user.confirmation_sent_at : user.recovery_sent_at);
      if (!user || !sentAt || Date.now() > sentAt.getTime() + cfg.otpExp * 1000) {
        throw new HttpError(403, 'otp_expired', 'Email link is invalid or has expired');
      }
      if (kind === 'confirmation') user.confirmation_token = '';
      else user.recovery_token = '';
      user.email_confirmed_at ??= new Date();
      for (const identity of user.identities) identity.identity_data.email_verified = true;
      return json(200, await issueSession(user, 'otp'));
    },

    'GET /user': async (request) => json(200, publicUser((await requireUser(request)).user)),

    'PUT /user': async (request, _query, body) => {
      const { user, sessionId } = await requireUser(request);
      if (typeof body.password === 'string' && body.password) {
        await setPassword(user, body.password);
        // UpdatePassword: every other session ends, and every emailed link with them.
        user.confirmation_token = '';
        user.recovery_token = '';
        await endSessions((id, session) => session.userId === user.id && id !== sessionId);
        if (cfg.notifyPasswordChanged) {
          const body = render('password_changed', '');
          const subject = SUBJECTS.password_changed;
          state.outbox.push({
            to: user.email,
            template: 'password_changed',
            subject,
            body,
            tokenHash: null,
          });
        }
      }
      if (body.data) user.raw_user_meta_data = { ...user.raw_user_meta_data, ...body.data };
      user.updated_at = new Date();
      await write('upsert', user);
      return json(200, publicUser(user));
    },

    'POST /logout': async (request, query) => {
      const { user, sessionId } = await requireUser(request);
      const scope = query.get('scope') || 'global';
      if (scope === 'local') await endSessions((id) => id === sessionId);
      else if (scope === 'others')
        await endSessions((id, s) => s.userId === user.id && id !== sessionId);
      else if (scope === 'global') await endSessions((_id, s) => s.userId === user.id);
      else throw new HttpError(400, 'validation_failed', `Unsupported logout scope "${scope}"`);
      return new Response(null, { status: 204 });
    },

    'GET /authorize': async (_request, query) => {
      const provider = query.get('provider');
      if (provider !== 'google' || !cfg.google) {
        throw new HttpError(
          400,
          'validation_failed',
          `Unsupported provider: provider ${provider} could not be found`,
        );
      }
      const challenge = query.get('code_challenge');
      if (!challenge || query.get('code_challenge_method') !== 's256') {
        throw new HttpError(
          400,
          'validation_failed',
          'PKCE flow requires code_challenge_method and code_challenge',
        );
      }
      const state = crypto.randomUUID();
      // external.go keeps the flow state; a redirect_to off the allow-list becomes the Site URL.
      const redirectTo = query.get('redirect_to') ?? '';
      const allowed = redirectTo.startsWith(`${cfg.siteUrl}/`) ? redirectTo : cfg.siteUrl;
      state_.flows.set(state, {
        challenge,
        authCode: crypto.randomUUID(),
        userId: null,
        redirectTo: allowed,
      });
      // The real service sends the browser to accounts.google.com; the fake has its own page.
      return new Response(null, {
        status: 302,
        headers: { Location: `${cfg.url}/auth/v1/fake-google?state=${state}` },
      });
    },

    'GET /fake-google': async (_request, query) => {
      const state = query.get('state') ?? '';
      const page = `<!doctype html><title>Google (fake)</title><h1>Sign in with Google (fake)</h1>
<p>Continue as ${cfg.google?.email}?</p>
<form method="get" action="${cfg.url}/auth/v1/callback"><input type="hidden" name="state" value="${state}"><button name="code" value="google-code">Continue</button></form>
<form method="get" action="${cfg.url}/auth/v1/callback"><input type="hidden" name="state" value="${state}"><button name="error" value="access_denied">Cancel</button></form>`;
      return new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    },

    'GET /callback': async (_request, query) => {
      const flow = state_.flows.get(query.get('state') ?? '');
      if (!flow) throw new HttpError(400, 'bad_oauth_state', 'OAuth state parameter missing');
      const target = new URL(flow.redirectTo);
      if (query.get('error')) {
        // Google's cancel comes back as error=access_denied, in the query and the fragment.
        state_.flows.delete(query.get('state')!);
        target.searchParams.set('error', query.get('error')!);
        target.searchParams.set('error_description', '');
        target.hash = 'error=access_denied&sb=';
        return new Response(null, { status: 302, headers: { Location: target.href } });
      }
      const email = cfg.google!.email.toLowerCase();
      // What Google's userinfo gives Supabase, which keeps it in the user's metadata.
      const profile = {
        iss: 'https://accounts.google.com',
        sub: hex(10),
        email,
        email_verified: true,
        name: cfg.google!.name,
        full_name: cfg.google!.name,
        picture: `https://lh3.googleusercontent.com/a/${hex(40)}=s96-c`,
        avatar_url: `https://lh3.googleusercontent.com/a/${hex(40)}=s96-c`,
        provider_id: hex(10),
      };
      // external.go createAccountFromExternalIdentity, for a Google address that is verified:
      // a new account, or Google linked to (or found on) the account of that address.
      let user = byEmail(email);
      if (!user) user = await newUser(email, null, 'google', profile);
      else {
        let identity = user.identities.find((i) => i.provider === 'google');
        if (!identity) {
          const now = iso(new Date());
          identity = {
            identity_id: crypto.randomUUID(),
            id: profile.sub,
            user_id: user.id,
            provider: 'google',
            email,
            created_at: now,
            updated_at: now,
          };
          user.identities.push(identity);
        }
        identity.identity_data = { ...profile };
        user.raw_user_meta_data = { ...user.raw_user_meta_data, ...profile };
        if (!user.email_confirmed_at) {
          // models.User.RemoveUnconfirmedIdentities: an unconfirmed sign-up may be someone
          // else's pre-registration, so its password, profile and other identities go.
          user.password = null;
          user.encrypted_password = '';
          user.raw_user_meta_data = { ...profile };
          user.identities = [identity];
        }
        // UpdateAppMetaDataProviders: the identities' providers, oldest first.
        const providers = [...new Set(user.identities.map((i) => i.provider as string))];
        user.raw_app_meta_data.providers = providers;
        user.raw_app_meta_data.provider = providers[0];
      }
      user.email_confirmed_at ??= new Date();
      await write('upsert', user);
      flow.userId = user.id;
      target.searchParams.set('code', flow.authCode);
      return new Response(null, { status: 302, headers: { Location: target.href } });
    },

    'GET /admin/users/:id': async (request, _query, _body, id) => {
      requireAdmin(request);
      const user = state.users.get(id);
      if (!user) throw new HttpError(404, 'user_not_found', 'User not found');
      return json(200, publicUser(user));
    },

    'PUT /admin/users/:id': async (request, _query, body, id) => {
      requireAdmin(request);
      const user = state.users.get(id);
      if (!user) throw new HttpError(404, 'user_not_found', 'User not found');
      // models.User.Update*MetaData: keys merge, and a null deletes its key.
      const merge = (into: Record<string, any>, updates: Record<string, any>) => {
        for (const [key, value] of Object.entries(updates)) {
          if (value === null) delete into[key];
          else into[key] = value;
        }
      };
      // The strength check comes before any change: a refused password changes nothing.
      if (typeof body.password === 'string') checkStrength(body.password);
      if (body.app_metadata) merge(user.raw_app_meta_data, body.app_metadata);
      if (body.user_metadata) merge(user.raw_user_meta_data, body.user_metadata);
      if (typeof body.password === 'string') {
        // admin.go: the strength check, then models.User.UpdatePassword(tx, nil): every emailed
        // link is revoked and every session of the user ends.
        await setPassword(user, body.password, { admin: true });
        user.confirmation_token = '';
        user.recovery_token = '';
        await endSessions((_sid, s) => s.userId === user.id);
      }
      // models.User.Confirm.
      if (body.email_confirm === true) {
        user.email_confirmed_at ??= new Date();
        for (const identity of user.identities) identity.identity_data.email_verified = true;
      }
      user.updated_at = new Date();
      await write('upsert', user);
      return json(200, publicUser(user));
    },

    'DELETE /admin/users/:id': async (request, _query, _body, id) => {
      requireAdmin(request);
      const user = state.users.get(id);
      if (!user) throw new HttpError(404, 'user_not_found', 'User not found');
      state.users.delete(id);
      await endSessions((_sid, s) => s.userId === id);
      await write('delete', user);
      return json(200, {});
    },
  };

  function json(status: number, body: unknown, headers: Record<string, string> = {}) {
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
  }

  /** An error as GoTrue writes it, by the request's X-Supabase-Api-Version (errors.go). */
  function errorResponse(request: Request, e: HttpError) {
    const versioned = (request.headers.get('x-supabase-api-version') ?? '') >= API_VERSION;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'x-sb-error-code': e.code,
    };
    if (versioned) headers['X-Supabase-Api-Version'] = API_VERSION;
    const body = versioned
      ? { code: e.code, message: e.message, ...e.extra }
      : { code: e.status, error_code: e.code, msg: e.message, ...e.extra };
    return new Response(JSON.stringify(body), { status: e.status, headers });
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/auth\/v1/, '');
    state.requests.push({
      method: request.method,
      path,
      query: Object.fromEntries(url.searchParams),
    });
    const failure = state.failures.findIndex((f) =>
      f.match({ method: request.method, path, query: url.searchParams }),
    );
    if (failure >= 0) {
      const [f] = state.failures.splice(failure, 1);
      if (f!.network) return Response.error();
      return errorResponse(
        request,
        new HttpError(
          f!.status ?? 503,
          f!.code ?? 'unexpected_failure',
          f!.message ?? 'Service Unavailable',
        ),
      );
    }
    // The API gateway, not GoTrue, refuses calls without a known key.
    const apikey = request.headers.get('apikey');
    const browserPage = ['/authorize', '/callback', '/fake-google'].includes(path);
    if (!browserPage && apikey !== cfg.publishableKey && apikey !== cfg.secretKey) {
      return json(401, { message: 'Invalid API key' });
    }
    const raw = request.method === 'GET' ? '' : await request.text();
    let body: any = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return errorResponse(
        request,
        new HttpError(400, 'bad_json', 'Could not parse request body as JSON'),
      );
    }
    for (const [key, handler] of Object.entries(routes)) {
      const [method, pattern] = key.split(' ') as [string, string];
      if (method !== request.method) continue;
      const prefix = pattern.replace(/:id$/, '');
      const id =
        pattern.endsWith(':id') && path.startsWith(prefix) ? path.slice(prefix.length) : '';
      if (pattern !== path && (!id || id.includes('/'))) continue;
      try {
        return await handler(request, url.searchParams, body, id);
      } catch (e) {
        if (e instanceof HttpError) return errorResponse(request, e);
        throw e;
      }
    }
    return errorResponse(request, new HttpError(404, 'not_found', 'Not Found'));
  }

  return {
    handle,
    state,
    /** Every email sent to `to`, oldest first. */
    emailsTo: (to: string) => state.outbox.filter((e) => e.to === to.toLowerCase()),
    /** Holds every email (and the request that sends it) until the returned function is called. */
    holdEmails() {
      let release!: () => void;
      emailGate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        emailGate = null;
        release();
      };
    },
    /** Makes the link with this token hash older than its lifetime. */
    async expire(tokenHash: string) {
      const past = new Date(Date.now() - (cfg.otpExp + 1) * 1000);
      for (const user of state.users.values()) {
        if (user.confirmation_token === tokenHash) user.confirmation_sent_at = past;
        else if (user.recovery_token === tokenHash) user.recovery_sent_at = past;
        else continue;
        await write('upsert', user);
      }
    },
    /** The Google account the consent page signs in with from now on. */
    signInAtGoogleAs(account: { email: string; name: string }) {
      cfg.google = account;
    },
    /** The next request matching `match` fails: a status and code, or a network failure. */
    fail(failure: Failure) {
      state.failures.push(failure);
    },
    jwtExp: cfg.jwtExp,
    /** Signs `claims` with the project's current key, as GoTrue signs an access token. */
    sign: (claims: Record<string, unknown>) => signJwt(keys[0]!, claims),
  };
}

export type FakeSupabaseAuth = Awaited<ReturnType<typeof createFakeSupabaseAuth>>;
