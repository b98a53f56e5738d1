// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ApplicationInput } from '~/applications/application-schema';
import { ApplicationSchema } from '~/applications/application-schema';
import { addDays, todayInLondon } from '~/applications/dates';
import { GUEST_KEY } from '~/guest/mode';
import { moveApplication, newApplication, replaceById } from '~/guest/records';
import * as checks from '~/guest/checks';
import { checkStored, eventsAndFollowUps, type Migration } from '~/guest/checks';
import { updateGuest } from '~/guest/save';
import { GuestStorageError } from '~/guest/save';
import {
  CHECKED_KEY,
  checkedMark,
  clearGuest,
  emptyDocument,
  onGuestChange,
  readGuest,
  readRaw,
  STORAGE_VERSION,
} from '~/guest/storage';

/** A Storage held in memory; `full` makes every write refuse as a browser does at its quota. */
class MemoryStorage implements Storage {
  items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const input = (company: string, role = 'Staff Nurse, Band 5'): ApplicationInput => ({
  company,
  role,
  status: 'saved',
  mayCloseEarly: false,
  grade: 'Band 5',
  salaryMin: 29_970,
  salaryMax: 36_483,
});

async function withApplications(storage: Storage, ...companies: string[]) {
  return updateGuest(
    (apps) => [...apps, ...companies.map((c) => newApplication(input(c)))],
    storage,
  );
}

describe('guest storage', () => {
  it('starts empty, and what is saved is read back validated, with the storage version', async () => {
    const storage = new MemoryStorage();
    const empty = await readGuest(storage);
    expect(empty.ok && empty.document.applications).toEqual([]);
    await withApplications(storage, 'Leeds Teaching Hospitals NHS Trust');
    const stored = JSON.parse(storage.getItem(GUEST_KEY)!);
    expect(stored.version).toBe(STORAGE_VERSION);
    expect(stored.data).toMatchObject({ format: 'jobtrack', version: 1 });
    const read = await readGuest(storage);
    expect(read.ok && read.document.applications.map((a) => a.company)).toEqual([
      'Leeds Teaching Hospitals NHS Trust',
    ]);
  });

  it('runs each migration from the stored version up to the current one, in order', async () => {
    const doc = {
      format: 'jobtrack',
      version: 1,
      exportedAt: '2026-11-28T09:00:00Z',
      applications: [],
    };
    const migrations: Record<number, Migration> = {
      1: (data) => ({ ...(data as object), steps: ['1→2'] }),
      2: (data) => {
        const d = data as { steps?: string[] };
        // Only what step 1 made is acceptable here: the steps ran in order, each once.
        if (JSON.stringify(d.steps) !== '["1→2"]') throw new Error('out of order');
        return doc;
      },
    };
    const raw = JSON.stringify({ version: 1, data: { list: [] } });
    const read = checkStored(raw, 3, migrations);
    expect(read).toMatchObject({ ok: true, document: { format: 'jobtrack', applications: [] } });
    // Already at version 2, only the second step runs, and it refuses what step 1 did not make.
    expect(checkStored(JSON.stringify({ version: 2, data: {} }), 3, migrations)).toMatchObject({
      ok: false,
      problem: 'corrupt',
    });
    // A missing step means the data cannot be trusted: reported, not guessed.
    const gap = checkStored(JSON.stringify({ version: 1, data: doc }), 3, { 2: (d) => d });
    expect(gap).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('refuses data from a newer version without touching it', async () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: STORAGE_VERSION + 1, data: { anything: true } });
    storage.setItem(GUEST_KEY, raw);
    expect(await readGuest(storage)).toMatchObject({ ok: false, problem: 'newer', raw });
    await expect(withApplications(storage, 'Acme')).rejects.toThrow(GuestStorageError);
    expect(storage.getItem(GUEST_KEY)).toBe(raw);
  });

  it.each([
    ['text that is not JSON', '{"version":1,"data":{"format":"jobtrack"'],
    ['no version', JSON.stringify({ data: {} })],
    ['a hand-edited status', 'EDIT'],
    ['an application without a company', 'NO_COMPANY'],
  ])(
    'reports %s as corrupt, keeps the raw text, and refuses to write over it',
    async (_, given) => {
      const storage = new MemoryStorage();
      let raw = given;
      if (given === 'EDIT' || given === 'NO_COMPANY') {
        await withApplications(storage, 'Department for Work and Pensions');
        const stored = JSON.parse(storage.getItem(GUEST_KEY)!);
        if (given === 'EDIT') stored.data.applications[0].status = 'hired';
        else delete stored.data.applications[0].company;
        raw = JSON.stringify(stored);
      }
      storage.setItem(GUEST_KEY, raw);
      const read = await readGuest(storage);
      expect(read).toMatchObject({ ok: false, problem: 'corrupt', raw });
      await expect(withApplications(storage, 'Acme')).rejects.toThrow(/cannot be read/);
      expect(storage.getItem(GUEST_KEY)).toBe(raw);
    },
  );

  it('says clearly when storage is full and keeps what was stored before', async () => {
    const storage = new MemoryStorage();
    await withApplications(storage, 'HMRC');
    const before = storage.getItem(GUEST_KEY);
    storage.full = true;
    let error: unknown;
    try {
      await withApplications(storage, 'Home Office');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GuestStorageError);
    expect(error).toMatchObject({
      problem: 'full',
      message: expect.stringContaining('no room left'),
    });
    expect(storage.getItem(GUEST_KEY)).toBe(before);
  });

  it('says clearly when the browser gives no storage at all', async () => {
    expect(await readGuest(null)).toMatchObject({ ok: false, problem: 'unavailable' });
    await expect(updateGuest((a) => a, null)).rejects.toThrow(/not letting JobTrack keep data/);
  });

  it('two writers working from old copies keep each other’s changes', async () => {
    const storage = new MemoryStorage();
    const start = await withApplications(
      storage,
      'NHS Blood and Transplant',
      'Ministry of Justice',
    );
    const [nhs, moj] = start.applications;
    // Each tab changes one record from what it read earlier; every write re-reads first.
    await updateGuest(
      (apps) => replaceById(apps, nhs!.id, (a) => moveApplication(a, 'applied')),
      storage,
    );
    await updateGuest(
      (apps) => replaceById(apps, moj!.id, (a) => moveApplication(a, 'interviewing')),
      storage,
    );
    await updateGuest((apps) => [...apps, newApplication(input('Cabinet Office'))], storage);
    await updateGuest((apps) => apps.filter((a) => a.id !== nhs!.id), storage);
    const read = await readGuest(storage);
    if (!read.ok) throw new Error('unreadable');
    expect(read.document.applications.map((a) => [a.company, a.status])).toEqual([
      ['Ministry of Justice', 'interviewing'],
      ['Cabinet Office', 'saved'],
    ]);
  });

  it('hears another tab’s change through the storage event, and not other keys', async () => {
    const heard = vi.fn();
    const stop = onGuestChange(heard);
    window.dispatchEvent(new StorageEvent('storage', { key: 'something-else' }));
    expect(heard).not.toHaveBeenCalled();
    window.dispatchEvent(new StorageEvent('storage', { key: GUEST_KEY }));
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    window.dispatchEvent(new StorageEvent('storage', { key: GUEST_KEY }));
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('clearing removes the data', async () => {
    const storage = new MemoryStorage();
    await withApplications(storage, 'HMRC');
    clearGuest(storage);
    expect(storage.getItem(GUEST_KEY)).toBeNull();
    expect(storage.getItem(CHECKED_KEY)).toBeNull();
  });

  it('refuses a write that would not read back, and keeps the stored data readable', async () => {
    const storage = new MemoryStorage();
    await withApplications(storage, 'HMRC');
    const before = storage.getItem(GUEST_KEY);
    const bad = { ...newApplication(input('DWP')), company: 'D\u0000WP' };
    await expect(updateGuest((apps) => [...apps, bad], storage)).rejects.toThrow(
      expect.objectContaining({
        problem: 'invalid',
        message: expect.stringContaining('not saved'),
      }),
    );
    expect(storage.getItem(GUEST_KEY)).toBe(before);
    expect((await readGuest(storage)).ok).toBe(true);
  });

  it('an application applied tomorrow, as the form allows, saves and reads back', async () => {
    const storage = new MemoryStorage();
    const tomorrow = addDays(todayInLondon(), 1);
    const applied = {
      ...newApplication(input('HMRC')),
      status: 'applied' as const,
      dateApplied: tomorrow,
    };
    await updateGuest((apps) => [...apps, applied], storage);
    expect(await readGuest(storage)).toMatchObject({ ok: true });
  });

  it('data saved before the device’s clock went back still reads, and still takes changes', async () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-11-27T12:00:00Z'));
      const storage = new MemoryStorage();
      const applied = {
        ...newApplication(input('HMRC')),
        status: 'applied' as const,
        dateApplied: addDays(todayInLondon(), 1),
      };
      await updateGuest((apps) => [...apps, applied], storage);
      // The clock is put back three days (or the person flies west): that date is now ahead.
      vi.setSystemTime(new Date('2026-11-24T12:00:00Z'));
      const read = await readGuest(storage);
      expect(read.ok && read.document.applications[0]?.dateApplied).toBe('2026-11-28');
      await updateGuest((apps) => [...apps, newApplication(input('DWP'))], storage);
      const after = await readGuest(storage);
      expect(after.ok && after.document.applications.map((a) => a.company)).toEqual([
        'HMRC',
        'DWP',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the 201st status change saves, keeping the newest 200 history entries', async () => {
    const storage = new MemoryStorage();
    const [app] = (await withApplications(storage, 'HMRC')).applications;
    for (let i = 0; i < 210; i++) {
      const to = i % 2 === 0 ? 'applied' : 'saved';
      await updateGuest(
        (apps) => replaceById(apps, app!.id, (a) => moveApplication(a, to)),
        storage,
      );
    }
    const read = await readGuest(storage);
    if (!read.ok) throw new Error('unreadable');
    const history = read.document.applications[0]!.statusHistory;
    expect(history).toHaveLength(200);
    expect(history.at(-1)).toMatchObject({ to: 'saved' });
  });

  it('the form refuses a NUL character beside the field', async () => {
    const result = ApplicationSchema.safeParse({ company: 'H\u0000MRC', role: 'Tax Officer' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['company'],
      message: expect.stringContaining('NUL'),
    });
  });

  it('data kept in a browser whose storage is full stays readable and deletable', async () => {
    localStorage.clear();
    await withApplications(localStorage, 'HMRC');
    const refuse = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      expect(await readGuest()).toMatchObject({ ok: true });
      await expect(updateGuest((a) => a)).rejects.toThrow(/no room left/);
      clearGuest();
      expect(localStorage.getItem(GUEST_KEY)).toBeNull();
    } finally {
      refuse.mockRestore();
    }
  });

  it('reading marked text writes nothing, so nearly full storage does not read as blocked', async () => {
    localStorage.clear();
    await withApplications(localStorage, 'HMRC');
    const setItem = vi.spyOn(localStorage, 'setItem');
    const removeItem = vi.spyOn(localStorage, 'removeItem');
    try {
      expect(await readGuest()).toMatchObject({ ok: true });
      expect(readRaw()).toContain('HMRC');
      expect(setItem).not.toHaveBeenCalled();
      expect(removeItem).not.toHaveBeenCalled();
    } finally {
      setItem.mockRestore();
      removeItem.mockRestore();
    }
  });

  it('full storage with nothing of ours yet opens an empty tracker, and a save says it is full', async () => {
    localStorage.clear();
    const refuse = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      expect(await readGuest()).toMatchObject({ ok: true, document: { applications: [] } });
      await expect(withApplications(localStorage, 'HMRC')).rejects.toThrow(
        expect.objectContaining({ problem: 'full' }),
      );
    } finally {
      refuse.mockRestore();
    }
  });

  it('data that cannot be read in full storage is offered as it is, not called blocked', async () => {
    localStorage.clear();
    const raw = '{"version":1,"data":{"format":"jobtrack"';
    localStorage.setItem(GUEST_KEY, raw);
    const refuse = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      expect(await readGuest()).toMatchObject({ ok: false, problem: 'corrupt', raw });
      expect(readRaw()).toBe(raw);
    } finally {
      refuse.mockRestore();
    }
  });

  it('storage the browser will not hand out at all reads as unavailable', async () => {
    const blocked = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied.', 'SecurityError');
    });
    try {
      expect(await readGuest()).toMatchObject({ ok: false, problem: 'unavailable', raw: null });
    } finally {
      blocked.mockRestore();
    }
  });
});

describe('trusting what this release checked', () => {
  /** Reads `storage` (after another store, so its text is not the one kept in memory), counting checks. */
  async function readCounting(storage: Storage) {
    await withApplications(new MemoryStorage(), 'Somewhere else');
    const parse = vi.spyOn(checks.ExportSchema, 'safeParse');
    try {
      return { read: await readGuest(storage), checked: parse.mock.calls.length };
    } finally {
      parse.mockRestore();
    }
  }

  it('a write leaves the mark of its text, and a later read takes that text without the schema', async () => {
    const storage = new MemoryStorage();
    await withApplications(storage, 'NHS Blood and Transplant');
    expect(storage.getItem(CHECKED_KEY)).toBe(checkedMark(storage.getItem(GUEST_KEY)!));
    expect(await readCounting(storage)).toMatchObject({
      read: { ok: true, document: { applications: [{ company: 'NHS Blood and Transplant' }] } },
      checked: 0,
    });
  });

  it('text edited by hand beside an old mark is checked with the schema', async () => {
    const storage = new MemoryStorage();
    await withApplications(storage, 'HM Revenue and Customs');
    const stored = JSON.parse(storage.getItem(GUEST_KEY)!);
    stored.data.applications[0].company = 'HMRC Leeds';
    storage.setItem(GUEST_KEY, JSON.stringify(stored));
    expect(await readCounting(storage)).toMatchObject({
      read: { ok: true, document: { applications: [{ company: 'HMRC Leeds' }] } },
      checked: 1,
    });
    stored.data.applications[0].salaryMin = -1;
    storage.setItem(GUEST_KEY, JSON.stringify(stored));
    expect(await readGuest(storage)).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('text another release saved is checked once on reading, then marked and trusted', async () => {
    const storage = new MemoryStorage();
    await withApplications(storage, 'Sheffield City Council');
    // As another release's tab leaves it: the schema's own output, marked for that release.
    storage.setItem(CHECKED_KEY, `another-release:${storage.getItem(CHECKED_KEY)!.split(':')[1]}`);
    const raw = storage.getItem(GUEST_KEY)!;
    expect(await readCounting(storage)).toMatchObject({
      read: { ok: true, document: { applications: [{ company: 'Sheffield City Council' }] } },
      checked: 1,
    });
    expect(storage.getItem(GUEST_KEY)).toBe(raw);
    expect(storage.getItem(CHECKED_KEY)).toBe(checkedMark(raw));
    expect(await readCounting(storage)).toMatchObject({ read: { ok: true }, checked: 0 });
  });

  it('text the check would change (a default missing, a value untrimmed) is never marked on reading', async () => {
    const storage = new MemoryStorage();
    await withApplications(storage, 'Leeds Teaching Hospitals');
    const stored = JSON.parse(storage.getItem(GUEST_KEY)!);
    delete stored.data.applications[0].events;
    stored.data.applications[0].company = '  Leeds Teaching Hospitals  ';
    const raw = JSON.stringify(stored);
    storage.setItem(GUEST_KEY, raw);
    storage.removeItem(CHECKED_KEY);
    for (let load = 0; load < 2; load++) {
      expect(await readCounting(storage)).toMatchObject({
        read: {
          ok: true,
          document: { applications: [{ company: 'Leeds Teaching Hospitals', events: [] }] },
        },
        checked: 1,
      });
    }
    expect(storage.getItem(CHECKED_KEY)).toBeNull();
    expect(storage.getItem(GUEST_KEY)).toBe(raw);
  });

  it('a refused mark on reading changes nothing: the data reads, and is checked again next time', async () => {
    const storage = new MemoryStorage();
    await withApplications(storage, 'Met Office');
    storage.removeItem(CHECKED_KEY);
    storage.full = true;
    expect(await readCounting(storage)).toMatchObject({
      read: { ok: true, document: { applications: [{ company: 'Met Office' }] } },
      checked: 1,
    });
    expect(storage.getItem(CHECKED_KEY)).toBeNull();
    expect(await readCounting(storage)).toMatchObject({ read: { ok: true }, checked: 1 });
  });

  it('a new release checks text the last one marked, once', async () => {
    const page = globalThis as { __remixManifest?: { version: string } };
    const storage = new MemoryStorage();
    try {
      page.__remixManifest = { version: 'release-1' };
      await withApplications(storage, 'Environment Agency');
      page.__remixManifest = { version: 'release-2' };
      expect(await readCounting(storage)).toMatchObject({ read: { ok: true }, checked: 1 });
      expect(await readCounting(storage)).toMatchObject({ read: { ok: true }, checked: 0 });
    } finally {
      delete page.__remixManifest;
    }
  });

  it('a mark on text of an older storage version still runs its migration', async () => {
    const storage = new MemoryStorage();
    const old = { ...emptyDocument(), applications: [{ ...newApplication(input('DfE')) }] };
    const { events: _e, followUpOn: _f, ...version1 } = old.applications[0]!;
    const raw = JSON.stringify({ version: 1, data: { ...old, applications: [version1] } });
    storage.setItem(GUEST_KEY, raw);
    storage.setItem(CHECKED_KEY, checkedMark(raw));
    expect(await readCounting(storage)).toMatchObject({
      read: {
        ok: true,
        document: { applications: [{ company: 'DfE', events: [], followUpOn: null }] },
      },
      checked: 1,
    });
  });

  it('stores the schema’s own output, so a trusted read gives what a check would', async () => {
    const storage = new MemoryStorage();
    const id = crypto.randomUUID().toUpperCase();
    await updateGuest(
      (apps) => [...apps, { ...newApplication(input('DVLA'), id), notes: '  Swansea, hybrid  ' }],
      storage,
    );
    const raw = storage.getItem(GUEST_KEY)!;
    const stored = JSON.parse(raw).data.applications[0];
    expect(stored).toMatchObject({ id: id.toLowerCase(), notes: 'Swansea, hybrid' });
    const checked = checkStored(raw, STORAGE_VERSION);
    expect(checked.ok && checked.document.applications[0]).toEqual(stored);
  });

  it('a mark that could not be written with a save leaves the data checked in full', async () => {
    const storage = new MemoryStorage();
    await withApplications(storage, 'Met Office');
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key: string, value: string) => {
      if (key === CHECKED_KEY)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem(key, value);
    };
    await withApplications(storage, 'Ordnance Survey');
    expect(await readCounting(storage)).toMatchObject({
      read: {
        ok: true,
        document: { applications: [{ company: 'Met Office' }, { company: 'Ordnance Survey' }] },
      },
      checked: 1,
    });
  });

  it('opening a guest page with marked text does not load the schema at all', async () => {
    vi.resetModules();
    vi.doMock('~/guest/checks', () => {
      throw new Error('the schema was loaded');
    });
    try {
      const fresh = await import('~/guest/storage');
      const storage = new MemoryStorage();
      const document = { ...fresh.emptyDocument(), applications: [newApplication(input('ONS'))] };
      const raw = JSON.stringify({ version: fresh.STORAGE_VERSION, data: document });
      storage.setItem(GUEST_KEY, raw);
      storage.setItem(fresh.CHECKED_KEY, fresh.checkedMark(raw));
      expect(await fresh.readGuest(storage)).toMatchObject({
        ok: true,
        document: { applications: [{ company: 'ONS' }] },
      });
      // Any other text needs the schema, which cannot be fetched here: the page says so, with
      // the text to download, and nothing is changed.
      const edited = raw.replace('ONS', 'ONS Newport');
      storage.setItem(GUEST_KEY, edited);
      expect(await fresh.readGuest(storage)).toMatchObject({
        ok: false,
        problem: 'not-loaded',
        raw: edited,
      });
      expect(storage.getItem(GUEST_KEY)).toBe(edited);
    } finally {
      vi.doUnmock('~/guest/checks');
      vi.resetModules();
    }
  });
});

describe('storage version 2: events and follow-up dates', () => {
  // Data as version 1 of guest mode wrote it: every application with no events and no follow-up
  // date, and one from a backup imported then, whose account file carried its own.
  const v1 = {
    version: 1,
    data: {
      format: 'jobtrack',
      version: 1,
      exportedAt: '2026-11-20T09:00:00.000Z',
      applications: [
        {
          id: '0b6a4c1e-8f3d-4a2b-9c7e-5d1f2e3a4b5c',
          company: 'Leeds Teaching Hospitals NHS Trust',
          role: 'Staff Nurse',
          status: 'saved',
          grade: 'Band 5',
          salaryMin: 28_407,
          salaryMax: 34_581,
          closingDate: '2026-12-04',
          followUpOn: null,
          createdAt: '2026-11-20T09:00:00.000Z',
          updatedAt: '2026-11-20T09:00:00.000Z',
          events: [],
          statusHistory: [{ from: null, to: 'saved', at: '2026-11-20T09:00:00.000Z', on: null }],
          statements: [],
        },
        {
          // Hand-trimmed, or from a file made before follow-ups and events existed.
          id: '1c7b5d2f-9a4e-4b3c-8d6f-6e2a3f4b5c6d',
          company: 'Department for Work and Pensions',
          role: 'Executive Officer',
          status: 'applied',
          dateApplied: '2026-11-18',
          createdAt: '2026-11-18T10:00:00.000Z',
          updatedAt: '2026-11-18T10:00:00.000Z',
          statusHistory: [
            { from: null, to: 'applied', at: '2026-11-18T10:00:00.000Z', on: '2026-11-18' },
          ],
        },
        {
          id: '2d8c6e3a-0b5f-4c4d-9e7a-7f3b4a5c6d7e',
          company: 'HM Revenue and Customs',
          role: 'Administrative Officer',
          status: 'interviewing',
          followUpOn: '2026-12-01',
          createdAt: '2026-11-10T10:00:00.000Z',
          updatedAt: '2026-11-15T10:00:00.000Z',
          events: [
            {
              id: '3e9d7f4b-1c6a-4d5e-8f8b-8a4c5b6d7e8f',
              kind: 'interview',
              startsAt: '2026-12-02T10:30:00.000Z',
              format: 'video',
              createdAt: '2026-11-15T10:00:00.000Z',
              updatedAt: '2026-11-15T10:00:00.000Z',
            },
          ],
        },
      ],
    },
  };

  it('reads version 1 as version 2: every application with its events and follow-up date, none lost', async () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify(v1);
    storage.setItem(GUEST_KEY, raw);
    const read = await readGuest(storage);
    expect(STORAGE_VERSION).toBe(2);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(
      read.document.applications.map((a) => [a.company, a.followUpOn, a.events.length]),
    ).toEqual([
      ['Leeds Teaching Hospitals NHS Trust', null, 0],
      ['Department for Work and Pensions', null, 0],
      ['HM Revenue and Customs', '2026-12-01', 1],
    ]);
    expect(read.document.applications[2]!.events[0]).toMatchObject({
      kind: 'interview',
      format: 'video',
    });
    // Reading never writes: the stored text stays version 1 until the next save.
    expect(storage.getItem(GUEST_KEY)).toBe(raw);
    await updateGuest((apps) => apps, storage);
    const saved = JSON.parse(storage.getItem(GUEST_KEY)!);
    expect(saved.version).toBe(2);
    expect(saved.data.applications[1]).toMatchObject({ events: [], followUpOn: null });
    expect(saved.data.applications[2].events).toHaveLength(1);
  });

  it('fills in only what is missing, and leaves what is not an application for validation to refuse', async () => {
    const migrated = eventsAndFollowUps({
      applications: [{ events: [{ id: 'kept' }], followUpOn: '2026-12-01' }, {}, 'not an object'],
    });
    expect(migrated).toEqual({
      applications: [
        { events: [{ id: 'kept' }], followUpOn: '2026-12-01' },
        { events: [], followUpOn: null },
        'not an object',
      ],
    });
    expect(eventsAndFollowUps('text')).toBe('text');
    const storage = new MemoryStorage();
    const broken = JSON.stringify({ ...v1, data: { ...v1.data, applications: ['not an object'] } });
    storage.setItem(GUEST_KEY, broken);
    expect(await readGuest(storage)).toMatchObject({ ok: false, problem: 'corrupt', raw: broken });
  });

  it('a version 1 event that the format refuses makes the data unreadable, not silently dropped', async () => {
    const storage = new MemoryStorage();
    const bad = structuredClone(v1);
    (bad.data.applications[2]!.events![0] as { kind: string }).kind = 'coffee';
    const raw = JSON.stringify(bad);
    storage.setItem(GUEST_KEY, raw);
    expect(await readGuest(storage)).toMatchObject({ ok: false, problem: 'corrupt', raw });
  });
});
