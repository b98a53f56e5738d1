// The version list counts words in the database (words-sql.server.ts), the panels in the browser
// (countWords): the two must agree, or a list would say 312 words where the draft says 311.
import { describe, expect, it } from 'vitest';
import { countWords } from '~/statements/words';
import { WORD_PATTERN } from '~/statements/words-sql.server';
import { setupTestDatabase } from '../../support/db';

const db = setupTestDatabase();

const LAST = 0x2ffff; // the Basic, Supplementary and Ideographic planes
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;
const isWordChar = (char: string) => /[\p{L}\p{N}]/u.test(char);

/** The code points from..to that the database counts as a word on their own. */
async function wordsInDatabase(from: number, to: number) {
  const rows = await db.admin<{ code: number }[]>`
    select code from generate_series(${from}::int, ${to}::int) code
    where (code < 55296 or code > 57343) and regexp_count(chr(code), ${WORD_PATTERN}) = 1`;
  return new Set(rows.map((r) => r.code));
}

const sqlCount = async (text: string) => {
  const [row] = await db.admin<{ n: number }[]>`select regexp_count(${text}, ${WORD_PATTERN}) as n`;
  return row!.n;
};

describe('counting words in the database', () => {
  it('counts a letter or digit of any script as a word, as countWords does', async () => {
    const counted = await wordsInDatabase(1, LAST);
    const missed: string[] = [];
    for (let code = 1; code <= LAST; code++) {
      if (!isSurrogate(code) && isWordChar(String.fromCodePoint(code)) && !counted.has(code))
        missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('agrees with countWords on every character of the blocks drafts use', async () => {
    const blocks: Array<[number, number]> = [
      [0x0001, 0x024f], // ASCII, Latin-1, Latin Extended A and B
      [0x1e00, 0x1eff], // Latin Extended Additional (Welsh ŵ, ŷ…)
      [0x2000, 0x2bff], // punctuation, currency, letter-like, arrows, maths, shapes, dingbats
      [0x3000, 0x303f], // CJK punctuation
      [0xfe00, 0xffff], // variation selectors, small and full-width forms, specials
      [0x1f000, 0x1faff], // emoji and pictographs
    ];
    const differ: string[] = [];
    for (const [from, to] of blocks) {
      const counted = await wordsInDatabase(from, to);
      for (let code = from; code <= to; code++) {
        if (isSurrogate(code)) continue;
        const char = String.fromCodePoint(code);
        // Unassigned code points and lone combining marks never stand alone in a draft.
        if (/[\p{Cn}\p{M}]/u.test(char)) continue;
        if ((countWords(char) === 1) !== counted.has(code)) differ.push(code.toString(16));
      }
    }
    expect(differ).toEqual([]);
  });

  it('splits on the same spaces and counts drafts the same', async () => {
    const texts = [
      'Dear Hiring Manager,\n\nI am applying for the role of Policy Officer.',
      'Result – fewer falls • on the ward… “Excellent” £5,000 saved (10%) ½ day ✓ → ★ 👍',
      'café naïve Cymraeg ŵyr ysgol Ελληνικά кириллица 中文 日本語',
      'no\u00a0break\u2003em\u2009thin\u3000ideographic\ufeffmark\u200bzero-width',
      '  - a bullet\n\t* another\r\n1. numbered  \u2028 (a) O’Neill e-mail ™ © 2026',
      '',
      '   ',
    ];
    for (const text of texts) expect(await sqlCount(text), text).toBe(countWords(text));
  });
});
