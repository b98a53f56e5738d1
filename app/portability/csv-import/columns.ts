// What each column of a spreadsheet can become, and a first guess from its header. The guess only
// fills the preview's selects: the person sees and can change every column before anything is added.

/** The application fields a column can fill, in the order the preview lists them. */
export const TARGETS = [
  'company',
  'role',
  'status',
  'dateApplied',
  'closingDate',
  'closingTime',
  'mayCloseEarly',
  'location',
  'salary',
  'salaryMin',
  'salaryMax',
  'salaryNote',
  'source',
  'reference',
  'grade',
  'advertUrl',
  'notes',
  'jobtrackId',
] as const;

export type Target = (typeof TARGETS)[number];

/** A column's choice: a field, or left out. */
export type ColumnChoice = Target | 'ignore';

/** What the preview's select says for each choice. */
export const TARGET_LABELS: Record<ColumnChoice, string> = {
  ignore: 'Leave out',
  company: 'Company',
  role: 'Role (job title)',
  status: 'Status',
  dateApplied: 'Date applied',
  closingDate: 'Closing date',
  closingTime: 'Closing time',
  mayCloseEarly: 'May close early',
  location: 'Location',
  salary: 'Salary (figures or a range)',
  salaryMin: 'Salary from',
  salaryMax: 'Salary to',
  salaryNote: 'Salary note',
  source: 'Where you found it',
  reference: 'Reference',
  grade: 'Band or grade',
  advertUrl: 'Job advert link',
  notes: 'Notes',
  jobtrackId: 'JobTrack ID (from a JobTrack export)',
};

/** Choices as select options, "Leave out" first. */
export const CHOICE_OPTIONS = (['ignore', ...TARGETS] as const).map((value) => ({
  value,
  label: TARGET_LABELS[value],
}));

/** Only notes may take several columns: each is added as "Header: value" on its own line. */
export const MANY_COLUMNS: readonly ColumnChoice[] = ['ignore', 'notes'];

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

/** A message for each way a mapping cannot work, or none. */
export function mappingProblems(
  choices: readonly ColumnChoice[],
  headers: readonly string[],
): string[] {
  const problems: string[] = [];
  if (!choices.includes('company')) problems.push('Choose the column that holds the company');
  if (!choices.includes('role')) problems.push('Choose the column that holds the role (job title)');
  for (const target of TARGETS) {
    if (MANY_COLUMNS.includes(target)) continue;
    const columns = choices.flatMap((c, i) =>
      c === target ? [headers[i] ?? `column ${i + 1}`] : [],
    );
    if (columns.length > 1) {
      problems.push(
        `${TARGET_LABELS[target]} is chosen for ${columns.length} columns (${columns.join(', ')}): choose one`,
      );
    }
  }
  if (
    choices.includes('salary') &&
    (choices.includes('salaryMin') || choices.includes('salaryMax'))
  ) {
    problems.push('Choose either one salary column or salary from and to, not both');
  }
  return problems;
}
