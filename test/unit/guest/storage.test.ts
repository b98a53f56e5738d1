// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ApplicationInput } from '~/applications/application-schema';
import { ApplicationSchema } from '~/applications/application-schema';
import { addDays, todayInLondon } from '~/applications/dates';
import { moveApplication, newApplication, replaceById } from '~/guest/records';
import {
  clearGuest,
  GUEST_KEY,
  GuestStorageError,
  onGuestChange,
  parseStored,
  readGuest,
  readRaw,
  STORAGE_VERSION,
  updateGuest,
  type Migration,
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

function withApplications(storage: Storage, ...companies: string[]) {
  return updateGuest(
    (apps) => [...apps, ...companies.map((c) => newApplication(input(c)))],
    storage,
  );
}

describe('guest storage', () => {
  it('starts empty, and what is saved is read back validated, with the storage version', () => {
    const storage = new MemoryStorage();
    const empty = readGuest(storage);
    expect(empty.ok && empty.document.applications).toEqual([]);
    withApplications(storage, 'Leeds Teaching Hospitals NHS Trust');
    const stored = JSON.parse(storage.getItem(GUEST_KEY)!);
    expect(stored.version).toBe(STORAGE_VERSION);
    expect(stored.data).toMatchObject({ format: 'jobtrack', version: 1 });
    const read = readGuest(storage);
    expect(read.ok && read.document.applications.map((a) => a.company)).toEqual([
      'Leeds Teaching Hospitals NHS Trust',
    ]);
  });

  it('runs each migration from the stored version up to the current one, in order', () => {
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
    const read = parseStored(raw, migrations, 3);
    expect(read).toMatchObject({ ok: true, document: { format: 'jobtrack', applications: [] } });
    // Already at version 2, only the second step runs, and it refuses what step 1 did not make.
    expect(parseStored(JSON.stringify({ version: 2, data: {} }), migrations, 3)).toMatchObject({
      ok: false,
      problem: 'corrupt',
    });
    // A missing step means the data cannot be trusted: reported, not guessed.
    const gap = parseStored(JSON.stringify({ version: 1, data: doc }), { 2: (d) => d }, 3);
    expect(gap).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('refuses data from a newer version without touching it', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: STORAGE_VERSION + 1, data: { anything: true } });
    storage.setItem(GUEST_KEY, raw);
    expect(readGuest(storage)).toMatchObject({ ok: false, problem: 'newer', raw });
    expect(() => withApplications(storage, 'Acme')).toThrow(GuestStorageError);
    expect(storage.getItem(GUEST_KEY)).toBe(raw);
  });

  it.each([
    ['text that is not JSON', '{"version":1,"data":{"format":"jobtrack"'],
    ['no version', JSON.stringify({ data: {} })],
    ['a hand-edited status', 'EDIT'],
    ['an application without a company', 'NO_COMPANY'],
  ])('reports %s as corrupt, keeps the raw text, and refuses to write over it', (_, given) => {
    const storage = new MemoryStorage();
    let raw = given;
    if (given === 'EDIT' || given === 'NO_COMPANY') {
      withApplications(storage, 'Department for Work and Pensions');
      const stored = JSON.parse(storage.getItem(GUEST_KEY)!);
      if (given === 'EDIT') stored.data.applications[0].status = 'hired';
      else delete stored.data.applications[0].company;
      raw = JSON.stringify(stored);
    }
    storage.setItem(GUEST_KEY, raw);
    const read = readGuest(storage);
    expect(read).toMatchObject({ ok: false, problem: 'corrupt', raw });
    expect(() => withApplications(storage, 'Acme')).toThrow(/cannot be read/);
    expect(storage.getItem(GUEST_KEY)).toBe(raw);
  });

  it('says clearly when storage is full and keeps what was stored before', () => {
    const storage = new MemoryStorage();
    withApplications(storage, 'HMRC');
    const before = storage.getItem(GUEST_KEY);
    storage.full = true;
    let error: unknown;
    try {
      withApplications(storage, 'Home Office');
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

  it('says clearly when the browser gives no storage at all', () => {
    expect(readGuest(null)).toMatchObject({ ok: false, problem: 'unavailable' });
    expect(() => updateGuest((a) => a, null)).toThrow(/not letting JobTrack keep data/);
  });

  it('two writers working from old copies keep each other’s changes', () => {
    const storage = new MemoryStorage();
    const start = withApplications(storage, 'NHS Blood and Transplant', 'Ministry of Justice');
    const [nhs, moj] = start.applications;
    // Each tab changes one record from what it read earlier; every write re-reads first.
    updateGuest(
      (apps) => replaceById(apps, nhs!.id, (a) => moveApplication(a, 'applied')),
      storage,
    );
    updateGuest(
      (apps) => replaceById(apps, moj!.id, (a) => moveApplication(a, 'interviewing')),
      storage,
    );
    updateGuest((apps) => [...apps, newApplication(input('Cabinet Office'))], storage);
    updateGuest((apps) => apps.filter((a) => a.id !== nhs!.id), storage);
    const read = readGuest(storage);
    if (!read.ok) throw new Error('unreadable');
    expect(read.document.applications.map((a) => [a.company, a.status])).toEqual([
      ['Ministry of Justice', 'interviewing'],
      ['Cabinet Office', 'saved'],
    ]);
  });

  it('hears another tab’s change through the storage event, and not other keys', () => {
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

  it('clearing removes the data', () => {
    const storage = new MemoryStorage();
    withApplications(storage, 'HMRC');
    clearGuest(storage);
    expect(storage.getItem(GUEST_KEY)).toBeNull();
  });

  it('refuses a write that would not read back, and keeps the stored data readable', () => {
    const storage = new MemoryStorage();
    withApplications(storage, 'HMRC');
    const before = storage.getItem(GUEST_KEY);
    const bad = { ...newApplication(input('DWP')), company: 'D\u0000WP' };
    expect(() => updateGuest((apps) => [...apps, bad], storage)).toThrow(
      expect.objectContaining({
        problem: 'invalid',
        message: expect.stringContaining('not saved'),
      }),
    );
    expect(storage.getItem(GUEST_KEY)).toBe(before);
    expect(readGuest(storage).ok).toBe(true);
  });

  it('an application applied tomorrow, as the form allows, saves and reads back', () => {
    const storage = new MemoryStorage();
    const tomorrow = addDays(todayInLondon(), 1);
    const applied = {
      ...newApplication(input('HMRC')),
      status: 'applied' as const,
      dateApplied: tomorrow,
    };
    updateGuest((apps) => [...apps, applied], storage);
    expect(readGuest(storage)).toMatchObject({ ok: true });
  });

  it('data saved before the device’s clock went back still reads, and still takes changes', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-11-27T12:00:00Z'));
      const storage = new MemoryStorage();
      const applied = {
        ...newApplication(input('HMRC')),
        status: 'applied' as const,
        dateApplied: addDays(todayInLondon(), 1),
      };
      updateGuest((apps) => [...apps, applied], storage);
      // The clock is put back three days (or the person flies west): that date is now ahead.
      vi.setSystemTime(new Date('2026-11-24T12:00:00Z'));
      const read = readGuest(storage);
      expect(read.ok && read.document.applications[0]?.dateApplied).toBe('2026-11-28');
      updateGuest((apps) => [...apps, newApplication(input('DWP'))], storage);
      const after = readGuest(storage);
      expect(after.ok && after.document.applications.map((a) => a.company)).toEqual([
        'HMRC',
        'DWP',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the 201st status change saves, keeping the newest 200 history entries', () => {
    const storage = new MemoryStorage();
    const [app] = withApplications(storage, 'HMRC').applications;
    for (let i = 0; i < 210; i++) {
      const to = i % 2 === 0 ? 'applied' : 'saved';
      updateGuest((apps) => replaceById(apps, app!.id, (a) => moveApplication(a, to)), storage);
    }
    const read = readGuest(storage);
    if (!read.ok) throw new Error('unreadable');
    const history = read.document.applications[0]!.statusHistory;
    expect(history).toHaveLength(200);
    expect(history.at(-1)).toMatchObject({ to: 'saved' });
  });

  it('the form refuses a NUL character beside the field', () => {
    const result = ApplicationSchema.safeParse({ company: 'H\u0000MRC', role: 'Tax Officer' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['company'],
      message: expect.stringContaining('NUL'),
    });
  });

  it('data kept in a browser whose storage is full stays readable and deletable', () => {
    localStorage.clear();
    withApplications(localStorage, 'HMRC');
    const refuse = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      expect(readGuest()).toMatchObject({ ok: true });
      expect(() => updateGuest((a) => a)).toThrow(/no room left/);
      clearGuest();
      expect(localStorage.getItem(GUEST_KEY)).toBeNull();
    } finally {
      refuse.mockRestore();
    }
  });

  it('reading never writes, so nearly full storage does not read as blocked', () => {
    localStorage.clear();
    withApplications(localStorage, 'HMRC');
    const setItem = vi.spyOn(localStorage, 'setItem');
    const removeItem = vi.spyOn(localStorage, 'removeItem');
    try {
      expect(readGuest()).toMatchObject({ ok: true });
      expect(readRaw()).toContain('HMRC');
      expect(setItem).not.toHaveBeenCalled();
      expect(removeItem).not.toHaveBeenCalled();
    } finally {
      setItem.mockRestore();
      removeItem.mockRestore();
    }
  });

  it('full storage with nothing of ours yet opens an empty tracker, and a save says it is full', () => {
    localStorage.clear();
    const refuse = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      expect(readGuest()).toMatchObject({ ok: true, document: { applications: [] } });
      expect(() => withApplications(localStorage, 'HMRC')).toThrow(
        expect.objectContaining({ problem: 'full' }),
      );
    } finally {
      refuse.mockRestore();
    }
  });

  it('data that cannot be read in full storage is offered as it is, not called blocked', () => {
    localStorage.clear();
    const raw = '{"version":1,"data":{"format":"jobtrack"';
    localStorage.setItem(GUEST_KEY, raw);
    const refuse = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      expect(readGuest()).toMatchObject({ ok: false, problem: 'corrupt', raw });
      expect(readRaw()).toBe(raw);
    } finally {
      refuse.mockRestore();
    }
  });

  it('storage the browser will not hand out at all reads as unavailable', () => {
    const blocked = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied.', 'SecurityError');
    });
    try {
      expect(readGuest()).toMatchObject({ ok: false, problem: 'unavailable', raw: null });
    } finally {
      blocked.mockRestore();
    }
  });
});
