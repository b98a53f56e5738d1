/**
 * What the search treats as the same character, so that a search for O'Neill (typed) finds
 * O’Neill (pasted from an advert), and the other way round. The stored search text (search_text,
 * in schema.ts) and each search (foldPunctuation, the list query's whitespace) fold alike; guest
 * mode folds both sides in the browser. Free of Drizzle imports, for the browser.
 */

/** Typographic quotes and dashes, and the plain character a keyboard types for each. */
export const TYPOGRAPHIC = '‘’‚‛′ʼ´`＇“”„‟″‐‑‒–—―−';
export const PLAIN = "'".repeat(9) + '"'.repeat(5) + '-'.repeat(7);

/**
 * Every character JavaScript's `\s` matches (spaces of every width, tabs, line breaks), spelled
 * out so that PostgreSQL's regular expression folds the same ones: a run of them is one space.
 */
export const WHITESPACE =
  '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+';

const PLAIN_OF = new Map([...TYPOGRAPHIC].map((c, i) => [c, PLAIN[i]!]));
const ANY_TYPOGRAPHIC = new RegExp(`[${TYPOGRAPHIC}]`, 'g');

/** `text` with each typographic quote or dash as its plain form. */
export const foldPunctuation = (text: string) =>
  text.replace(ANY_TYPOGRAPHIC, (c) => PLAIN_OF.get(c)!);
