import { afterEach, describe, expect, it, vi } from 'vitest';
import { loader } from '~/routes/job-search-log';
import { get, runLoader } from '../../support/http';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

const logPage = (cookie: string | undefined, search = '') =>
  runLoader(loader, get(`/job-search-log${search}`, { cookie }), { context: t.context });

const range = (from: string, to: string) => {
  const [fy, fm, fd] = from.split('-');
  const [ty, tm, td] = to.split('-');
  return `?from.day=${fd}&from.month=${fm}&from.year=${fy}&to.day=${td}&to.month=${tm}&to.year=${ty}`;
};

describe('the job-search log', () => {
  afterEach(() => vi.useRealTimers());

  it('sends someone signed out to sign in', async () => {
    const outcome = await logPage(undefined);
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toMatch(/^\/signin\?redirectTo=%2Fjob-search-log/);
  });

  it('shows the last 14 days by default, each move on the day it happened, oldest first, and only the person’s own', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T10:00:00Z'));
    const me = await t.person();
    const [nurse] = await t.seed(me, {
      company: 'Leeds Teaching Hospitals',
      role: 'Staff Nurse (Band 5)',
      status: 'saved',
      source: 'NHS Jobs',
      reference: 'C9-345-26',
    });
    await t.db
      .admin`update jobtrack.status_changes set occurred_on = '2026-11-16' where application_id = ${nurse!}`;
    await t.db
      .admin`insert into jobtrack.status_changes (application_id, user_id, from_status, to_status, occurred_on)
      values (${nurse!}, ${me.id}, 'saved', 'applied', '2026-11-18'),
             (${nurse!}, ${me.id}, 'applied', 'interviewing', '2026-11-27'),
             (${nurse!}, ${me.id}, 'interviewing', 'offer', '2026-11-10')`; // before the range
    const other = await t.person();
    await t.seed(other, { company: 'Not mine', role: 'Hidden', status: 'applied' });

    const outcome = await logPage(me.cookie);

    expect(outcome.status).toBe(200);
    expect(outcome.data.range).toEqual({ from: '2026-11-15', to: '2026-11-28' });
    expect(outcome.data.more).toBe(false);
    expect(
      outcome.data.entries.map((e: Record<string, unknown>) => [
        e.day,
        e.from,
        e.to,
        e.role,
        e.reference,
      ]),
    ).toEqual([
      ['2026-11-16', null, 'saved', 'Staff Nurse (Band 5)', 'C9-345-26'],
      ['2026-11-18', 'saved', 'applied', 'Staff Nurse (Band 5)', 'C9-345-26'],
      ['2026-11-27', 'applied', 'interviewing', 'Staff Nurse (Band 5)', 'C9-345-26'],
    ]);
  });

  it('shows a chosen range, both days included', async () => {
    const me = await t.person();
    const [id] = await t.seed(me, { company: 'HMRC', role: 'Executive Officer', status: 'saved' });
    await t.db
      .admin`update jobtrack.status_changes set occurred_on = '2026-10-01' where application_id = ${id!}`;

    const inside = await logPage(me.cookie, range('2026-10-01', '2026-10-01'));
    const outside = await logPage(me.cookie, range('2026-10-02', '2026-10-31'));

    expect(inside.data.entries).toHaveLength(1);
    expect(outside.data.entries).toHaveLength(0);
  });

  it('answers an impossible or backwards range with 400, the message beside the field and every box kept', async () => {
    const me = await t.person();

    const impossible = await logPage(
      me.cookie,
      '?from.day=31&from.month=2&from.year=2026&to.day=5&to.month=3&to.year=2026',
    );
    const backwards = await logPage(me.cookie, range('2026-11-20', '2026-11-01'));
    const tooLong = await logPage(me.cookie, range('2024-01-01', '2026-01-01'));

    expect(impossible.status).toBe(400);
    expect(impossible.data.reply.error.from).toEqual(['From must be a real date']);
    expect(impossible.data.reply.initialValue.from).toEqual({
      day: '31',
      month: '2',
      year: '2026',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.data.reply.error.to).toEqual(['To must be the same as or after From']);
    expect(tooLong.data.reply.error.to).toEqual(['The log can cover up to 366 days at a time']);
    expect(impossible.data.entries).toEqual([]);
  });
});
