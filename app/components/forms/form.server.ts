import type { Submission } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/cloudflare';
import { z } from 'zod';
import { FORM_TOO_LARGE } from './messages';

// The server half of the form kit: read a form, and answer a refused one in the one shape every
// action uses (Conform's reply), so the page shows each message beside its field and keeps what
// was typed.

// PostgreSQL refuses NUL in text, and it slips in with text pasted from some PDFs and word
// processors; it is never meaningful in a form, so it is dropped before validation.
const NUL = '\0';

const UNREADABLE = 'That form could not be read. Please go back and send it again.';

const anyForm = z.object({});

// Far above the largest form a valid page sends (the Statement Builder's, about 30,000 characters
// of text), and low enough that a hostile post cannot keep a Worker busy parsing it. Fields draw no
// maxlength (constraint.ts), so a huge paste can pass it: the browser's checks refuse it beside the
// field first, and without them the page for 413 says to go back to the form, which keeps it.
export const MAX_FORM_BYTES = 512 * 1024;

/** The body as bytes, refused with 413 past `maxBytes` whether or not it says its length. */
async function boundedBody(request: Request, maxBytes: number): Promise<ArrayBuffer> {
  const declared = Number(request.headers.get('Content-Length'));
  if (declared > maxBytes) throw new Response(FORM_TOO_LARGE, { status: 413 });
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new Response(FORM_TOO_LARGE, { status: 413 });
      chunks.push(chunk);
    }
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body.buffer;
}

// Conform reads `rows[100000000].text` as a path into an array and builds one that long, which
// costs seconds of CPU and then a reply too large to send. No page has a list past a few hundred
// rows or nests deeper than a few levels, so such a name is a tampered form.
const MAX_LIST_INDEX = 1000;
const MAX_NAME_DEPTH = 6;
// Conform gathers a name sent many times by copying its list at each one, so its cost grows with
// the square of the count: 100,000 copies of one field take nearly a minute. The largest real form
// (the Statement Builder's, its criteria as rows) sends a few hundred fields.
const MAX_FIELDS = 2000;
// Conform makes an array for every list a form names, as long as its furthest position, and sends
// it back with the form's values: 2,000 names such as `f1[1000][1000][1000]` would build millions
// of empty slots from a 100 KB post. The Builder's criteria, the largest list, need a few dozen.
const MAX_LIST_SLOTS = 5000;
// How deeply Conform's reserved fields may nest: an intent's value sits two levels in (under
// `payload`), and the Builder's criteria (a list of rows of text) need 3 more. Conform hands the
// intent and the state back in its reply, and a reply nested thousands deep overflows the stack of
// the code that sends it, ending the Worker with every request it is serving.
const MAX_DEPTH = 10;

function hasHostileName(name: string): boolean {
  if (name.length > 200) return true;
  const indices = [...name.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
  if (indices.some((index) => index > MAX_LIST_INDEX)) return true;
  return name.split(/[.[]/).length > MAX_NAME_DEPTH;
}

/** The slots Conform would make for the lists `names` point into: each list as long as its furthest position. */
function listSlots(names: string[]): number {
  const longest = new Map<string, number>();
  for (const name of names) {
    for (const match of name.matchAll(/\[(\d+)\]/g)) {
      const list = name.slice(0, match.index);
      longest.set(list, Math.max(longest.get(list) ?? 0, Number(match[1]) + 1));
    }
  }
  let slots = 0;
  for (const length of longest.values()) slots += length;
  return slots;
}

/** How deeply a parsed JSON value nests, counted without recursion (a hostile one may be deep). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    if (typeof item === 'object' && item !== null) {
      for (const child of Object.values(item)) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

const isListIndex = (value: unknown) =>
  value === undefined ||
  (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_LIST_INDEX);

// What Conform puts in an intent's payload (validate, reset, update, insert, remove, reorder).
const PAYLOAD_KEYS = new Set(['name', 'index', 'value', 'defaultValue', 'validated', 'from', 'to']);

/**
 * An intent as Conform writes one: {type, payload} and nothing else, the payload naming a field as
 * a page could (see hasHostileName), with list positions a page could have. Anything else would
 * make Conform build huge lists, or come back in its reply.
 */
function isIntent(parsed: object): boolean {
  if (!Object.keys(parsed).every((key) => key === 'type' || key === 'payload')) return false;
  const { type, payload } = parsed as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || typeof payload !== 'object' || payload === null) return false;
  const fields = payload as Record<string, unknown>;
  if (!Object.keys(fields).every((key) => PAYLOAD_KEYS.has(key))) return false;
  if (fields.name !== undefined && (typeof fields.name !== 'string' || hasHostileName(fields.name)))
    return false;
  return [fields.index, fields.from, fields.to].every(isListIndex);
}

// Conform reserves two field names and JSON-parses them, throwing on junk. Our pages send them
// only as Conform writes them (an intent is {type, payload}; the state an object), never nested
// past MAX_DEPTH, so anything else is a tampered form.
function parsesAs(value: FormDataEntryValue, intent: boolean): boolean {
  if (typeof value !== 'string') return false;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || depthOf(parsed) > MAX_DEPTH) return false;
    return !intent || isIntent(parsed);
  } catch {
    return false;
  }
}

// Conform applies an intent (insert, remove, reorder, update, reset) to the typed values before any
// schema is read, and throws when it names a field that is not a list, or `__proto__`. A page sends
// only intents that apply to its own fields, so one that throws is a tampered form: tried here once,
// against no schema, so that no action's own parse can throw it.
function intentApplies(form: FormData): boolean {
  if (!form.has('__intent__')) return true;
  try {
    parseWithZod(form, { schema: anyForm });
    return true;
  } catch {
    return false;
  }
}

/** True for a form no page of ours sends: too many fields, hostile names, tampered Conform fields. */
function isTampered(form: FormData): boolean {
  const names = [...form.keys()];
  return (
    names.length > MAX_FIELDS ||
    names.some(hasHostileName) ||
    listSlots(names) > MAX_LIST_SLOTS ||
    !form.getAll('__intent__').every((value) => parsesAs(value, true)) ||
    !form.getAll('__state__').every((value) => parsesAs(value, false)) ||
    // Last: it runs Conform, which is safe to run only on a form that passed the checks above.
    !intentApplies(form)
  );
}

/**
 * The request's form fields with NUL characters removed. A body that cannot be read as a form
 * (a malformed multipart upload, a tampered Conform field) answers 400 instead of crashing the
 * action; one larger than MAX_FORM_BYTES (or the form's own `maxBytes`, for a file upload)
 * answers 413 before it is parsed.
 */
export async function readForm(
  request: Request,
  { maxBytes = MAX_FORM_BYTES }: { maxBytes?: number } = {},
): Promise<FormData> {
  const body = await boundedBody(request, maxBytes);
  let raw: FormData;
  try {
    raw = await new Response(body, { headers: request.headers }).formData();
  } catch {
    throw new Response(UNREADABLE, { status: 400 });
  }
  if (isTampered(raw)) {
    throw new Response(UNREADABLE, { status: 400 });
  }
  const clean = new FormData();
  for (const [name, value] of raw) {
    clean.append(name, typeof value === 'string' ? value.replaceAll(NUL, '') : value);
  }
  return clean;
}

/** True for readForm's refusal of a body past its limit. */
export function isTooLarge(error: unknown): boolean {
  return error instanceof Response && error.status === 413;
}

/** Fields whose values are never sent back to the browser, whichever form they are in. */
export const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword'];

type Errors = { formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/**
 * A refused form: 400 (or `init.status`) with the schema's errors plus any given here, every
 * typed value except passwords, and `extra`'s fields beside them.
 */
export function invalid<Extra extends object = object>(
  submission: Submission<unknown>,
  errors: Errors = {},
  init: ResponseInit = {},
  extra?: Extra,
) {
  return data(
    { ...submission.reply({ ...errors, hideFields: SECRET_FIELDS }), ...(extra as Extra) },
    { status: 400, ...init },
  );
}

/**
 * `invalid` for a button that sends only part of its form (sign-up's "Continue with Google" reads
 * the age box alone): every typed value comes back, but only the part's own fields count as
 * checked. Conform in the browser goes on checking as the person types every field a reply names,
 * so naming them all would show "Enter a password" for a password Google never asked for.
 */
export function invalidPart(submission: Submission<unknown>, part: z.AnyZodObject) {
  const names = Object.keys(part.shape);
  const reply = submission.reply({ hideFields: SECRET_FIELDS });
  return data(
    { ...reply, fields: reply.fields?.filter((name) => names.includes(name)) },
    { status: 400 },
  );
}

/**
 * A form refused before its own schema applies (an unknown intent, a session that has ended):
 * `message` at the top of the form, every typed value except passwords kept.
 */
export function refuse(formData: FormData, message: string, init: ResponseInit = {}) {
  return invalid(parseWithZod(formData, { schema: anyForm }), { formErrors: [message] }, init);
}

/** True when a bot filled the Honeypot field that people never see. */
export function isBot(value: { website?: string }) {
  return Boolean(value.website);
}
