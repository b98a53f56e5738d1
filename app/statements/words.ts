// The app counts words itself rather than trusting the model to. Application portals count
// whitespace-separated words, so that is the rule here; a lone dash or bullet is not a word.

/** The number of words in `text`: runs of non-space characters holding a letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

export type Section = { heading: string; body: string; words: number };

/**
 * Splits a draft into sections under the given headings (each alone on its line, as the prompt
 * asks), so that a per-section limit can be checked. Text before the first heading is ignored.
 */
export function splitSections(text: string, headings: readonly string[]): Section[] {
  const wanted = new Map(headings.map((h) => [normalise(h), h]));
  const sections: Section[] = [];
  let current: { heading: string; lines: string[] } | null = null;
  for (const line of text.split('\n')) {
    const heading = wanted.get(normalise(line));
    if (heading) {
      if (current) sections.push(finish(current));
      current = { heading, lines: [] };
    } else current?.lines.push(line);
  }
  if (current) sections.push(finish(current));
  return sections;
}

const normalise = (line: string) =>
  line
    .replace(/^[#*\s]+|[*:\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();

function finish({ heading, lines }: { heading: string; lines: string[] }): Section {
  const body = lines.join('\n').trim();
  return { heading, body, words: countWords(body) };
}

export type WordReport = {
  words: number;
  limit: number;
  /** Per-section counts when the limit applies to each section (behaviour statements). */
  sections: Array<Section & { over: number }>;
  /** How many words over the limit (the worst section's, when per section); 0 when within it. */
  over: number;
};

/** The draft's word count against its limit, whole or per section. */
export function wordReport(
  text: string,
  limit: number,
  perSection?: readonly string[] | null,
): WordReport {
  const words = countWords(text);
  if (!perSection) return { words, limit, sections: [], over: Math.max(0, words - limit) };
  const sections = splitSections(text, perSection).map((s) => ({
    ...s,
    over: Math.max(0, s.words - limit),
  }));
  return { words, limit, sections, over: Math.max(0, ...sections.map((s) => s.over)) };
}
