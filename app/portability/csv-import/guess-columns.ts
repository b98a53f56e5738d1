// A first guess at each column from its header, for the preview's selects (the server makes it;
// the page itself needs only the choices, in ./columns).
import { MANY_COLUMNS, type ColumnChoice, type Target } from './columns';

// Header spellings seen in spreadsheets and trackers, normalised (see normaliseHeader). JobTrack's
// own CSV export's headers are here too, so its file comes back in as it went out.
const NAMES: Record<Target, string[]> = {
  company: [
    'company',
    'company name',
    'employer',
    'employer name',
    'organisation',
    'organization',
    'organisation name',
    'organization name',
    'trust',
    'department',
    'hiring company',
  ],
  role: [
    'role',
    'job title',
    'title',
    'position',
    'job',
    'job role',
    'job name',
    'post',
    'vacancy',
    'role title',
    'position title',
    'job position',
  ],
  status: [
    'status',
    'stage',
    'application status',
    'list',
    'pipeline stage',
    'column',
    'state',
    'progress',
  ],
  dateApplied: [
    'date applied',
    'applied',
    'applied on',
    'application date',
    'date of application',
    'applied date',
    'date submitted',
    'submitted',
  ],
  statusDate: [
    'date it reached its status',
    'status date',
    'date of status',
    'outcome date',
    'date of outcome',
    'response date',
    'date of response',
    'reply date',
    'date of reply',
    'date heard back',
    'result date',
    'decision date',
  ],
  closingDate: [
    'closing date',
    'deadline',
    'closes',
    'closing',
    'close date',
    'application deadline',
    'deadline date',
    'expiry date',
    'closing on',
  ],
  closingTime: ['closing time', 'deadline time'],
  mayCloseEarly: ['may close early', 'closes early', 'could close early'],
  location: [
    'location',
    'city',
    'town',
    'place',
    'office',
    'work location',
    'job location',
    'where',
  ],
  salary: [
    'salary',
    'pay',
    'salary range',
    'compensation',
    'wage',
    'pay range',
    'remuneration',
    'salary band',
  ],
  salaryMin: [
    'salary from',
    'salary from a year',
    'min salary',
    'minimum salary',
    'salary min',
    'salary minimum',
  ],
  salaryMax: [
    'salary to',
    'salary to a year',
    'max salary',
    'maximum salary',
    'salary max',
    'salary maximum',
  ],
  salaryNote: ['salary note', 'salary notes', 'pay note'],
  source: [
    'source',
    'where found',
    'found on',
    'found via',
    'job board',
    'website',
    'site',
    'where i found it',
    'channel',
  ],
  reference: [
    'reference',
    'reference number',
    'ref',
    'ref no',
    'job reference',
    'vacancy reference',
    'job id',
    'requisition id',
    'job ref',
  ],
  grade: ['band or grade', 'band', 'grade', 'pay band', 'nhs band', 'civil service grade', 'level'],
  advertUrl: [
    'url',
    'link',
    'job url',
    'job link',
    'advert',
    'advert url',
    'job advert url',
    'job advert',
    'posting url',
    'job posting',
    'job posting url',
    'listing url',
    'application link',
    'post url',
  ],
  notes: [
    'notes',
    'note',
    'comments',
    'comment',
    'description',
    'job description',
    'details',
    'next steps',
  ],
  // JobTrack's own export's last column: an application it names comes back as itself.
  jobtrackId: ['job track id', 'jobtrack id'],
};

const BY_NAME = new Map<string, Target>(
  Object.entries(NAMES).flatMap(([target, names]) => names.map((n) => [n, target as Target])),
);

/** A header reduced to lower-case words: "Job Title:" and "job_title" both become "job title". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/\(.*?\)/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[£&]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A choice for each column from its header: a known name, each field taken by its first column only
 * (a second "Title" column is left out), and anything unknown left out.
 */
export function guessColumns(headers: readonly string[]): ColumnChoice[] {
  const taken = new Set<Target>();
  return headers.map((header) => {
    const target = BY_NAME.get(normaliseHeader(header));
    if (!target) return 'ignore';
    if (taken.has(target) && !MANY_COLUMNS.includes(target)) return 'ignore';
    taken.add(target);
    return target;
  });
}
