import { afterEach, describe, expect, it, vi } from 'vitest';
import { loader } from '~/routes/stats';
import { get, runLoader } from '../../support/http';
import { setupApplicationsTest } from './fixtures';

const t = setupApplicationsTest();

const statsPage = (cookie?: string) =>
  runLoader(loader, get('/stats', { cookie }), { context: t.context });

/** A move in an application's history, on the day the person said it happened. */
const moved = (owner: { id: string }, id: string, to: string, on: string) =>
  t.db.admin`insert into jobtrack.status_changes (application_id, user_id, to_status, occurred_on)
    values (${id}, ${owner.id}, ${to}, ${on})`;

describe('the stats page', () => {
  afterEach(() => vi.useRealTimers());

  it('sends someone signed out to sign in', async () => {
    const outcome = await statsPage();
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toMatch(/^\/signin\?redirectTo=%2Fstats/);
  });

  it('has nothing to sum for an account with no applications', async () => {
    const me = await t.person();
    const { facts } = (await statsPage(me.cookie)).data;
    expect(facts).toEqual({
      total: 0,
      applied: 0,
      interviewed: 0,
      offered: 0,
      replied: 0,
      medianDaysToReply: null,
      weeks: [],
      sources: [],
    });
  });

  it('counts sent applications per week, the funnel, replies and the median wait, from status history', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z')); // a Thursday
    const me = await t.person();
    const [nurse, eo, analyst] = await t.seed(
      me,
      {
        company: 'Leeds Teaching Hospitals',
        role: 'Staff Nurse (Band 5)',
        status: 'applied',
        date_applied: '2026-11-02',
        source: 'NHS Jobs',
      },
      {
        company: 'HM Revenue & Customs',
        role: 'Executive Officer',
        status: 'applied',
        date_applied: '2026-11-03',
        source: 'Civil Service Jobs',
      },
      {
        company: 'Acme Ltd',
        role: 'Data Analyst',
        status: 'applied',
        date_applied: '2026-11-17',
        source: 'LinkedIn',
      },
      {
        company: 'Widgets plc',
        role: 'Buyer',
        status: 'ghosted',
        date_applied: '2026-09-01',
        source: ' ',
      },
      { company: 'Saved Co', role: 'Not sent', status: 'saved', source: 'NHS Jobs' },
    );
    // The nurse post: interview after 10 days, then an offer. The EO post: rejected after 4 days,
    // no interview. The analyst post: an interview after 2 days, then rejected.
    await moved(me, nurse!, 'interviewing', '2026-11-12');
    await moved(me, nurse!, 'offer', '2026-11-20');
    await t.db.admin`update jobtrack.applications set status = 'offer' where id = ${nurse!}`;
    await moved(me, eo!, 'rejected', '2026-11-07');
    await t.db.admin`update jobtrack.applications set status = 'rejected' where id = ${eo!}`;
    await moved(me, analyst!, 'interviewing', '2026-11-19');
    await moved(me, analyst!, 'rejected', '2026-11-24');
    await t.db.admin`update jobtrack.applications set status = 'rejected' where id = ${analyst!}`;
    // Someone else's applications never count.
    const other = await t.person();
    const [theirs] = await t.seed(other, {
      status: 'offer',
      date_applied: '2026-11-02',
      source: 'NHS Jobs',
    });
    await moved(other, theirs!, 'rejected', '2026-11-04');

    const { facts, today } = (await statsPage(me.cookie)).data;

    expect(today).toBe('2026-11-26');
    expect(facts).toMatchObject({
      total: 5,
      applied: 4,
      interviewed: 2,
      offered: 1,
      replied: 3,
      medianDaysToReply: 4, // 10, 4 and 2 days
    });
    expect(facts.weeks).toEqual([
      { week: '2026-11-02', n: 2 },
      { week: '2026-11-16', n: 1 },
    ]); // 1 Sept is before the 12 weeks shown
    expect(facts.sources).toEqual([
      {
        source: '',
        applied: 1,
        interviews: 0,
        offers: 0,
        rejectedEarly: 0,
        withdrawnEarly: 0,
      },
      {
        source: 'Civil Service Jobs',
        applied: 1,
        interviews: 0,
        offers: 0,
        rejectedEarly: 1,
        withdrawnEarly: 0,
      },
      {
        source: 'LinkedIn',
        applied: 1,
        interviews: 1,
        offers: 0,
        rejectedEarly: 0,
        withdrawnEarly: 0,
      },
      {
        source: 'NHS Jobs',
        applied: 1,
        interviews: 1,
        offers: 1,
        rejectedEarly: 0,
        withdrawnEarly: 0,
      },
    ]);
  });

  it('counts a withdrawal before any answer as Withdrawn, and a rejection as Rejected even after the person withdrew; an advert withdrawn from before it was sent is not sent', async () => {
    const me = await t.person();
    const [dwp, council] = await t.seed(
      me,
      {
        company: 'Department for Work and Pensions',
        role: 'Work Coach (EO)',
        status: 'withdrawn',
        date_applied: '2026-11-02',
        source: 'Civil Service Jobs',
      },
      {
        company: 'Sheffield City Council',
        role: 'Admin Officer',
        status: 'withdrawn',
        date_applied: '2026-11-05',
        source: 'Civil Service Jobs',
      },
      {
        company: 'Home Office',
        role: 'Executive Officer',
        status: 'applied',
        date_applied: '2026-11-06',
        source: 'Civil Service Jobs',
      },
      // Saved, then withdrawn from without applying: never sent.
      {
        company: 'Leeds City Council',
        role: 'Policy Officer',
        status: 'withdrawn',
        source: 'Civil Service Jobs',
      },
    );
    // The DWP post said no, and the person then marked it withdrawn; the council post they
    // withdrew from before hearing anything.
    await moved(me, dwp!, 'rejected', '2026-11-09');
    await moved(me, dwp!, 'withdrawn', '2026-11-10');
    await moved(me, council!, 'withdrawn', '2026-11-12');

    const { facts } = (await statsPage(me.cookie)).data;

    expect(facts).toMatchObject({ total: 4, applied: 3, replied: 1 });
    expect(facts.sources).toEqual([
      {
        source: 'Civil Service Jobs',
        applied: 3,
        interviews: 0,
        offers: 0,
        rejectedEarly: 1,
        withdrawnEarly: 1,
      },
    ]);
  });

  it('counts an application added straight in as Interviewing as sent and answered, dated by its history', async () => {
    const me = await t.person();
    await t.seed(me, {
      company: 'University of Leeds',
      role: 'Research Assistant',
      status: 'interviewing',
    });

    const { facts } = (await statsPage(me.cookie)).data;

    expect(facts).toMatchObject({
      applied: 1,
      interviewed: 1,
      replied: 1,
      medianDaysToReply: null,
    });
  });
});
