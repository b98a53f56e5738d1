// Lists the criteria of a pasted person specification without any AI: from its headings
// ("Essential", "Desirable", "Qualifications"…), its lines and its table columns. Runs in the
// browser (instantly, with JavaScript) and on the server (the same button without JavaScript).
import { MAX_CRITERIA } from './limits';

// Where the server's submission check takes it from.
export { MAX_CRITERIA };

export type Category = 'essential' | 'desirable';
export type Criterion = { text: string; category: Category };

const CATEGORY_LINE =
  /^(?:(essential|desirable)(?:\s+(?:criteria|requirements|qualities|skills))?|(?:criteria|requirements)\s*[-–:]?\s*(essential|desirable))\s*[:-–]?\s*(.*)$/i;

// Words that head a group of criteria in NHS, university and council specifications.
const SECTION_WORDS =
  /^(?:\d+[.)]?\s*)?(qualifications?|education(?: and training)?|training|experience|knowledge|skills|abilities|aptitudes?|attributes|personal (?:qualities|attributes|skills)|knowledge(?:,| and)? (?:skills|experience)(?: and (?:abilities|experience))?|skills(?: and| &) (?:abilities|knowledge|experience)|communication(?: skills)?|values(?: and behaviours)?|other(?: requirements)?|additional requirements|special requirements|physical requirements|circumstances|disposition|general|job[- ]related requirements|qualifications(?: and| &) training|professional (?:registration|qualifications)|equality(?:,)? diversity(?: and inclusion)?|behaviours)\s*:?$/i;

// Lines that are part of the form around the criteria, not criteria.
const FURNITURE =
  /^(?:person specification|criteria|requirements|assessed by|method of assessment|how (?:it will be|assessed).*|assessment|key:.*|[AIPTRS](?:\s*[/,&]\s*[AIPTRS])*|(?:application(?: form)?|interview|test|references?|presentation|certificates?)(?:\s*[/,&]\s*(?:application(?: form)?|interview|test|references?|presentation|certificates?))*|essential\s+desirable(?:\s+.*)?|e\s+d|e\/d|page \d+(?: of \d+)?)\.?$/i;

const BULLET = /^(?:[•·▪◦●○■□►▶✓✔*+–—-]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+/i;
const ASSESSMENT_TAIL =
  /\s*[([]\s*(?:[AIPTRS](?:\s*[/,&]\s*[AIPTRS])*|(?:application(?: form)?|interview|test|references?|presentation)(?:\s*[/,&]\s*(?:application(?: form)?|interview|test|references?|presentation))*)\s*[)\]]\s*$/i;
const CATEGORY_TAIL =
  /\s*(?:[([]\s*(E|D|essential|desirable)\s*[)\]]|[-–:]\s*(essential|desirable))\s*$/i;

// Lines at least this long that end mid-sentence were probably wrapped, not finished.
const WRAP_WIDTH = 55;

const clean = (line: string) => line.replace(/\s+/g, ' ').trim();

function categoryOf(word: string | undefined): Category | null {
  if (!word) return null;
  const w = word.toLowerCase();
  if (w === 'e' || w === 'essential') return 'essential';
  if (w === 'd' || w === 'desirable') return 'desirable';
  return null;
}

/** Strips bullets, numbering and "(A/I)"-style assessment notes; reads "(E)"/"(D)" tails. */
function readCriterionLine(raw: string): { text: string; category: Category | null } {
  let text = clean(raw);
  while (BULLET.test(text)) text = text.replace(BULLET, '');
  let category: Category | null = null;
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = text.replace(ASSESSMENT_TAIL, '');
    text = text.replace(CATEGORY_TAIL, (_, short: string, long: string) => {
      category ??= categoryOf(short ?? long);
      return '';
    });
    if (text === before) break;
  }
  return { text: text.trim(), category };
}

/** Table rows pasted from a spreadsheet or PDF: cells split by tabs. */
function readTableRow(
  cells: string[],
  columns: { essential: number; desirable: number } | null,
): { text: string; category: Category | null } {
  const [first = '', ...rest] = cells.map(clean);
  let category: Category | null = null;
  if (columns) {
    const ticked = (i: number) =>
      /^(?:✓|✔|x|yes|y|e|d|essential|desirable|\*)$/i.test(cells[i]?.trim() ?? '');
    if (ticked(columns.essential)) category = 'essential';
    else if (ticked(columns.desirable)) category = 'desirable';
  }
  for (const cell of rest) category ??= categoryOf(cell);
  const line = readCriterionLine(first);
  return { text: line.text, category: category ?? line.category };
}

function isSectionHeading(text: string) {
  return SECTION_WORDS.test(text);
}

function looksLikeCriterion(text: string) {
  // A criterion has words; single words left over from tables ("Yes", "Interview") do not count.
  return /[a-z]/i.test(text) && text.split(' ').length >= 2 && !FURNITURE.test(text);
}

/**
 * The criteria of a pasted person specification, in its order, each marked essential or desirable
 * (from an "Essential"/"Desirable" heading, an "(E)"/"(D)" note or a table column; essential when
 * the text does not say). Headings, assessment notes ("A/I") and bullets are left out.
 */
export function parseCriteria(spec: string): Criterion[] {
  const criteria: Criterion[] = [];
  let category: Category | null = null;
  let columns: { essential: number; desirable: number } | null = null;
  let lastOpen = false; // the last criterion looked cut off mid-sentence (a wrapped line)

  for (const rawLine of spec.replace(/\r\n?/g, '\n').split('\n')) {
    if (!rawLine.trim()) {
      lastOpen = false;
      continue;
    }
    const cells = rawLine.split('\t').filter((c) => c.trim() !== '');
    if (cells.length > 1) {
      const lower = cells.map((c) => c.trim().toLowerCase());
      const e = lower.indexOf('essential');
      const d = lower.indexOf('desirable');
      if (e >= 0 || d >= 0) {
        if (
          lower.every(
            (c) =>
              FURNITURE.test(c) || c === 'essential' || c === 'desirable' || isSectionHeading(c),
          )
        ) {
          // A header row: remember which column means what.
          const raw = rawLine.split('\t').map((c) => c.trim().toLowerCase());
          columns = { essential: raw.indexOf('essential'), desirable: raw.indexOf('desirable') };
          continue;
        }
      }
    }

    const text = clean(cells.length > 1 ? cells[0]! : rawLine);
    const heading = CATEGORY_LINE.exec(readCriterionLine(text).text);
    if (heading && cells.length <= 1) {
      category = categoryOf(heading[1] ?? heading[2]);
      const rest = clean(heading[3] ?? '');
      lastOpen = false;
      if (rest && looksLikeCriterion(rest)) push(readCriterionLine(rest));
      continue;
    }
    if (isSectionHeading(text)) {
      // NHS layout: each section lists its essential criteria, then its desirable ones.
      category = null;
      lastOpen = false;
      continue;
    }
    const row =
      cells.length > 1 ? readTableRow(rawLine.split('\t'), columns) : readCriterionLine(rawLine);
    if (!row.text) continue;
    // A line wrapped by a PDF or a narrow column carries on the criterion above it.
    const startsLower = /^[a-z(]/.test(row.text) && !BULLET.test(clean(rawLine));
    if (lastOpen && startsLower && criteria.length > 0) {
      const last = criteria[criteria.length - 1]!;
      last.text = `${last.text} ${row.text}`;
      lastOpen = clean(rawLine).length >= WRAP_WIDTH && !/[.;:!?]$/.test(row.text);
      continue;
    }
    if (!looksLikeCriterion(row.text)) continue;
    push(row);
    lastOpen = clean(rawLine).length >= WRAP_WIDTH && !/[.;:!?)]$/.test(row.text);
  }
  return criteria.slice(0, MAX_CRITERIA);

  function push(row: { text: string; category: Category | null }) {
    const text = row.text.replace(/[;,]$/, '');
    if (criteria.some((c) => c.text.toLowerCase() === text.toLowerCase())) return;
    criteria.push({ text, category: row.category ?? category ?? 'essential' });
  }
}

type WithEvidence = { text: string; category: Category; evidence: string };

/**
 * The criteria listed afresh from the specification, carrying over the evidence already written
 * for a criterion of the same wording; criteria with evidence that the new listing lacks are kept
 * at the end, so listing again never throws away what the person wrote.
 */
export function mergeCriteria(listed: Criterion[], existing: WithEvidence[]): WithEvidence[] {
  const key = (text: string) => text.trim().toLowerCase();
  const evidenceFor = new Map(existing.map((c) => [key(c.text), c.evidence]));
  const merged = listed.map((c) => ({ ...c, evidence: evidenceFor.get(key(c.text)) ?? '' }));
  const listedKeys = new Set(listed.map((c) => key(c.text)));
  const kept = existing.filter((c) => c.evidence.trim() && !listedKeys.has(key(c.text)));
  return [...merged, ...kept].slice(0, MAX_CRITERIA);
}
