// The private calendar feed: a long random token in the address, only its SHA-256 stored. The
// person makes, replaces and revokes it on the account page; calendar apps fetch it with no cookie.
import type { AppLoadContext } from '@remix-run/cloudflare';
import { and, desc, eq, gte, inArray, isNotNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { applicationEvents as e, applications as a, trackerSettings } from '#db/schema';
import { asCalendarOwner, asUser, personId, type Person, type Tx } from '~/db.server';
import { addDays, todayInLondon } from '~/applications/dates';
import { buildCalendar } from './ics';
import { eventColumns } from '~/events/events.server';
import { WAITING_FOR_REPLY } from '~/events/follow-up';

/** 32 random bytes, base64url: 43 characters, 256 bits. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** How far back the feed reaches: older items are history, not plans. */
const FEED_PAST_DAYS = 90;
/**
 * The most items of each kind a feed holds (a calendar app refetches it every few hours). Over
 * it, upcoming items are kept first, soonest first, then past ones, latest first: a calendar is
 * for what is coming (review of issue 13, L7; a date typed years ahead never pushes out next week).
 */
const FEED_LIMIT = 1000;

/** What a calendar entry for an event needs: the event and its application's job (joined as `a`). */
export const calendarEventColumns = { ...eventColumns, company: a.company, role: a.role };

/** A new feed token: 256 random bits as base64url. */
export function newFeedToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The SHA-256 of a token, as hex: what the database keeps. */
export async function hashFeedToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** True for a string shaped like a token (anything else is 404 without a database query). */
export const isFeedToken = (value: unknown): value is string =>
  typeof value === 'string' && TOKEN.test(value);

/** The feed's path for a token. */
export const feedPath = (token: string) => `/calendar/${token}/jobtrack.ics`;

/** The person's settings row, not yet sent (read it with toSettings). */
export function settingsOf(tx: Tx, userId: string) {
  return tx
    .select({
      ghostAfterWeeks: trackerSettings.ghostAfterWeeks,
      hasFeed: sql<boolean>`${trackerSettings.calendarTokenHash} is not null`,
    })
    .from(trackerSettings)
    .where(eq(trackerSettings.userId, userId));
}

/** The rows of settingsOf as settings, the defaults for a person who never saved any. */
export function toSettings([row]: Array<{ ghostAfterWeeks: number; hasFeed: boolean }>) {
  return {
    ghostAfterWeeks: row?.ghostAfterWeeks ?? 4,
    hasFeed: row?.hasFeed ?? false,
  };
}

/** The person's settings: one round trip, the session checked in it. */
export async function loadSettings(context: AppLoadContext, who: Person) {
  const [rows] = await asUser(context, who, (tx) => [settingsOf(tx, personId(who))]);
  return toSettings(rows);
}

function upsert(tx: Tx, userId: string, set: Partial<typeof trackerSettings.$inferInsert>) {
  return tx
    .insert(trackerSettings)
    .values({ userId, ...set })
    .onConflictDoUpdate({ target: trackerSettings.userId, set: { ...set, updatedAt: sql`now()` } });
}

/**
 * Makes a new feed token, replacing any old one (whose address stops working); returns it, and the
 * settings as they now are (for the page that shows the new address, without reading them again).
 */
export async function replaceFeed(context: AppLoadContext, who: Person) {
  const token = newFeedToken();
  const calendarTokenHash = await hashFeedToken(token);
  const [rows] = await asUser(context, who, (tx) => [
    upsert(tx, personId(who), { calendarTokenHash }).returning({
      ghostAfterWeeks: trackerSettings.ghostAfterWeeks,
      hasFeed: sql<boolean>`${trackerSettings.calendarTokenHash} is not null`,
    }),
  ]);
  return { token, settings: toSettings(rows) };
}

/** Turns the feed off: its address answers 404 from now on. */
export async function revokeFeed(context: AppLoadContext, who: Person) {
  await asUser(context, who, (tx) => [upsert(tx, personId(who), { calendarTokenHash: null })]);
}

/** Saves after how many weeks without a reply the dashboard suggests Ghosted. */
export async function saveGhostWeeks(context: AppLoadContext, who: Person, weeks: number) {
  await asUser(context, who, (tx) => [upsert(tx, personId(who), { ghostAfterWeeks: weeks })]);
}

/**
 * The feed for `token` as iCalendar text: the owner's events from 90 days ago on and follow-up
 * dates of applications still waiting for a reply; null for a token no feed has.
 */
export async function feedFor(context: AppLoadContext, token: string, origin: string) {
  const since = addDays(todayInLondon(), -FEED_PAST_DAYS);
  const found = await asCalendarOwner(context, await hashFeedToken(token), (tx, owner) => [
    tx
      .select(calendarEventColumns)
      .from(e)
      .innerJoin(a, and(eq(a.id, e.applicationId), eq(a.userId, e.userId)))
      .where(and(eq(e.userId, owner), gte(e.startsAt, sql`${since}::date`)))
      .orderBy(...upcomingFirst(e.startsAt, sql`now()`), desc(e.id))
      .limit(FEED_LIMIT),
    followUpsFrom(tx, owner, since),
  ]);
  if (!found) return null;
  // In date order, as a person reading the file would expect.
  const events = found[0].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  const followUps = found[1].sort((x, y) => (x.followUpOn < y.followUpOn ? -1 : 1));
  return buildCalendar({ events, followUps, origin, name: 'JobTrack' });
}

/** An order for `at`: from `now` on, soonest first; then what is before `now`, latest first. */
function upcomingFirst(at: AnyColumn, now: SQL) {
  return [sql`${at} < ${now}`, sql`case when ${at} >= ${now} then ${at} end asc`, desc(at)];
}

/** Follow-up dates on or after `since` of applications still waiting for a reply. */
function followUpsFrom(tx: Tx, owner: SQL, since: string) {
  return tx
    .select({
      applicationId: a.id,
      followUpOn: sql<string>`${a.followUpOn}::text`,
      company: a.company,
      role: a.role,
    })
    .from(a)
    .where(
      and(
        eq(a.userId, owner),
        isNotNull(a.followUpOn),
        gte(a.followUpOn, since),
        inArray(a.status, WAITING_FOR_REPLY),
      ),
    )
    .orderBy(...upcomingFirst(a.followUpOn, sql`${todayInLondon()}::date`), desc(a.id))
    .limit(FEED_LIMIT);
}
