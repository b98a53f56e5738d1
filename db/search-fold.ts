/**
 * Typographic quotes and dashes, and the plain characters a keyboard types for them: a search for
 * O'Neill (typed) finds O’Neill (pasted from an advert), and the other way round. The stored
 * search text (search_text, `translate` in schema.ts) and each search (foldPunctuation) are folded
 * alike; guest mode folds both sides in the browser. Free of Drizzle imports, for the browser.
 */
export const TYPOGRAPHIC = '‘’‛′ʼ“”″–—‐‑‒';
export const PLAIN = "'''''" + '"""' + '-----';

const PLAIN_OF = new Map([...TYPOGRAPHIC].map((c, i) => [c, PLAIN[i]!]));
const ANY_TYPOGRAPHIC = new RegExp(`[${TYPOGRAPHIC}]`, 'g');

/** `text` with each typographic quote or dash as its plain form. */
export const foldPunctuation = (text: string) =>
  text.replace(ANY_TYPOGRAPHIC, (c) => PLAIN_OF.get(c)!);
