import { describe, expect, it } from 'vitest';
import { changedBeforeDelete, changedElsewhere, IN_AN_ACCOUNT } from '~/components/forms/versions';
import { action as editAction, loader as editLoader } from '~/routes/applications.$id_.edit';
import {
  action as eventAction,
  loader as eventLoader,
} from '~/routes/applications.$id_.events.$eventId';
import { action as newEventAction } from '~/routes/applications.$id_.events.new';
import { formPost, get, runAction, runLoader } from '../../support/http';
import { allRows } from '../../support/rows';
import { dateFields, setupApplicationsTest, validForm } from './fixtures';

// An edit form opened on one device (or tab) must not silently undo what another saved after it
// opened: the form carries the version it opened, and the UPDATE itself compares it.

const t = setupApplicationsTest();

async function openedEdit(cookie: string, id: string) {
  const opened = await runLoader(editLoader, get(`/applications/${id}/edit`, { cookie }), {
    params: { id },
    context: t.context,
  });
  return opened.data.application!.updatedAt;
}

const saveApplication = (cookie: string, id: string, fields: Record<string, string>) =>
  runAction(editAction, formPost(`/applications/${id}/edit`, fields, { cookie }), {
    params: { id },
    context: t.context,
  });

describe('an application edit opened before another device saved it', () => {
  it('is refused with every typed value and the newer version, and changes nothing', async () => {
    const me = await t.person();
    const id = await t.insert(me, { company: 'Leeds City Council', role: 'Policy Officer' });
    const opened = await openedEdit(me.cookie, id);
    // The phone saves first.
    expect(
      (
        await saveApplication(
          me.cookie,
          id,
          validForm({ notes: 'From the phone', updatedAt: opened }),
        )
      ).status,
    ).toBe(302);
    const afterPhone = await allRows(t.db.admin);

    const laptop = await saveApplication(
      me.cookie,
      id,
      validForm({ grade: 'HEO', notes: 'From the laptop', updatedAt: opened }),
    );

    expect(laptop.status).toBe(409);
    expect(laptop.data.error['']).toEqual([changedElsewhere('application', IN_AN_ACCOUNT)]);
    expect(laptop.data.initialValue).toMatchObject({ grade: 'HEO', notes: 'From the laptop' });
    const stored = await t.stored(id);
    expect(laptop.data.updatedAt).toBe(new Date(stored!.updated_at as string).toISOString());
    expect(laptop.data.updatedAt).not.toBe(opened);
    expect(await allRows(t.db.admin)).toEqual(afterPhone);
  });

  it('saves when sent again with the version the refusal named', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    const opened = await openedEdit(me.cookie, id);
    await saveApplication(me.cookie, id, validForm({ notes: 'From the phone', updatedAt: opened }));
    const refused = await saveApplication(
      me.cookie,
      id,
      validForm({ notes: 'From the laptop', updatedAt: opened }),
    );

    const again = await saveApplication(
      me.cookie,
      id,
      validForm({ notes: 'From the laptop', updatedAt: refused.data.updatedAt }),
    );

    expect(again.status).toBe(302);
    expect((await t.stored(id))!.notes).toBe('From the laptop');
  });

  it('keeps the status history and the date applied as they were when refused', async () => {
    const me = await t.person();
    const id = await t.insert(me, { status: 'saved' });
    const opened = await openedEdit(me.cookie, id);
    const applied = { status: 'applied', ...dateFields('dateApplied', '2026-01-10') };
    await saveApplication(me.cookie, id, validForm({ ...applied, updatedAt: opened }));
    const history = await t.history(id);
    const stored = await t.stored(id);

    // A new status, and (status unchanged) a corrected date applied, which would move the
    // history's Applied entry if it were saved.
    for (const typed of [
      { status: 'interviewing' },
      { status: 'applied', ...dateFields('dateApplied', '2026-01-05') },
    ]) {
      const refused = await saveApplication(
        me.cookie,
        id,
        validForm({ ...typed, updatedAt: opened }),
      );
      expect(refused.status).toBe(409);
    }

    expect(await t.history(id)).toEqual(history);
    expect(await t.stored(id)).toEqual(stored);
  });

  it('saves a form that names no version, or something that is not one, as before', async () => {
    const me = await t.person();
    const id = await t.insert(me);
    for (const updatedAt of [undefined, 'yesterday', "2026-01-01T00:00:00.000Z' or true"]) {
      const fields = validForm({ notes: `Sent with ${String(updatedAt)}` });
      const outcome = await saveApplication(
        me.cookie,
        id,
        updatedAt === undefined ? fields : { ...fields, updatedAt },
      );
      expect(outcome.status, String(updatedAt)).toBe(302);
      expect((await t.stored(id))!.notes).toBe(`Sent with ${String(updatedAt)}`);
    }
  });

  it("answers 404 for another person's application whatever version is sent", async () => {
    const me = await t.person();
    const other = await t.person();
    const theirs = await t.insert(other);
    const version = await openedEdit(other.cookie, theirs);
    const before = await allRows(t.db.admin);

    // Their version and a wrong one answer alike: no 409 tells that the record is there.
    for (const updatedAt of [version, '2001-01-01T00:00:00.000Z']) {
      const outcome = await saveApplication(me.cookie, theirs, validForm({ updatedAt }));
      expect(outcome.status, updatedAt).toBe(404);
    }
    expect(await allRows(t.db.admin)).toEqual(before);
  });
});

const eventForm = (overrides: Record<string, string> = {}) => ({
  kind: 'interview',
  ...dateFields('date', '2026-06-10'),
  time: '14:30',
  place: 'Civic Hall, Leeds',
  ...overrides,
});

async function withEvent() {
  const me = await t.person();
  const id = await t.insert(me);
  await runAction(
    newEventAction,
    formPost(`/applications/${id}/events/new`, eventForm({ createKey: crypto.randomUUID() }), {
      cookie: me.cookie,
    }),
    { params: { id }, context: t.context },
  );
  const [event] = await t.db.admin<{ id: string }[]>`
    select id from jobtrack.application_events where application_id = ${id}`;
  const params = { id, eventId: event!.id };
  const path = `/applications/${id}/events/${event!.id}`;
  const opened = await runLoader(eventLoader, get(path, { cookie: me.cookie }), {
    params,
    context: t.context,
  });
  const post = (fields: Record<string, string>, cookie = me.cookie) =>
    runAction(eventAction, formPost(path, fields, { cookie }), { params, context: t.context });
  return { me, id, eventId: event!.id, version: opened.data.found!.version, post };
}

const storedEvent = async (eventId: string) =>
  (
    await t.db.admin<{ place: string; updated_at: Date }[]>`
      select place, updated_at from jobtrack.application_events where id = ${eventId}`
  )[0];

describe('a date’s edit page opened before another device saved the date', () => {
  it('refuses the edit with what was typed and the newer version; sent again, it saves', async () => {
    const { eventId, version, post } = await withEvent();
    expect((await post(eventForm({ place: 'Room 4', updatedAt: version }))).status).toBe(302);
    const afterPhone = await allRows(t.db.admin);

    const laptop = await post(eventForm({ place: 'Committee Room B', updatedAt: version }));

    expect(laptop.status).toBe(409);
    expect(laptop.data.error['']).toEqual([changedElsewhere('date', IN_AN_ACCOUNT)]);
    expect(laptop.data.initialValue).toMatchObject({ place: 'Committee Room B' });
    expect(laptop.data.updatedAt).toBe((await storedEvent(eventId))!.updated_at.toISOString());
    expect(await allRows(t.db.admin)).toEqual(afterPhone);

    const again = await post(
      eventForm({ place: 'Committee Room B', updatedAt: laptop.data.updatedAt }),
    );
    expect(again.status).toBe(302);
    expect((await storedEvent(eventId))!.place).toBe('Committee Room B');
  });

  it('refuses the delete beside its button; pressed again, it deletes', async () => {
    const { eventId, version, post } = await withEvent();
    await post(eventForm({ place: 'Room 4', updatedAt: version }));
    const afterPhone = await allRows(t.db.admin);

    const refused = await post({ intent: 'delete', updatedAt: version });

    expect(refused.status).toBe(409);
    expect(refused.data).toEqual({
      deleteRefused: changedBeforeDelete(IN_AN_ACCOUNT),
      updatedAt: (await storedEvent(eventId))!.updated_at.toISOString(),
    });
    expect(await allRows(t.db.admin)).toEqual(afterPhone);

    const again = await post({ intent: 'delete', updatedAt: refused.data.updatedAt });
    expect(again.status).toBe(302);
    expect(await storedEvent(eventId)).toBeUndefined();
  });

  it('answers 404 for a date that went, or is another person’s, whatever version is sent', async () => {
    const mine = await withEvent();
    const theirs = await withEvent();
    const before = await allRows(t.db.admin);
    // Their date, through my session, with their version or a wrong one: no 409 tells it is there.
    for (const updatedAt of [theirs.version, '2001-01-01T00:00:00.000Z']) {
      const asMe = await theirs.post(eventForm({ updatedAt }), mine.me.cookie);
      const deleteAsMe = await theirs.post({ intent: 'delete', updatedAt }, mine.me.cookie);
      expect([asMe.status, deleteAsMe.status], updatedAt).toEqual([404, 404]);
    }
    expect(await allRows(t.db.admin)).toEqual(before);

    await mine.post({ intent: 'delete', updatedAt: mine.version });
    const gone = await mine.post(eventForm({ updatedAt: mine.version }));
    expect(gone.status).toBe(404);
  });
});
