// What each column of a spreadsheet can become (the first guess from its header is guess-columns.ts,
// made on the server): the person sees and can change every column before anything is added.

/** The application fields a column can fill, in the order the preview lists them. */
export const TARGETS = [
  'company',
  'role',
  'status',
  'dateApplied',
  'statusDate',
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
  statusDate: 'Date it reached its status',
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
