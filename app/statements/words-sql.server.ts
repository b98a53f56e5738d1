// countWords (words.ts) as SQL, so that a list of versions shows each one's word count without
// fetching its text. PostgreSQL's own character classes follow the database's locale (a C
// locale knows no letter past ASCII), so the rule is spelt out in code points here: a word is a
// run of characters between whitespace (JavaScript's \s) that holds a character outside the
// punctuation, symbol and emoji blocks below. For British English, and for letters and digits of
// any script, that is countWords exactly; test/integration/statements/word-count-sql.test.ts
// lists the few characters on which the two still differ.
import { sql, type SQL } from 'drizzle-orm';

type Range = readonly [number, number];

/** What JavaScript's \s matches, which countWords splits on. */
const WHITESPACE: Range[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

/** Characters that make no word on their own: no letter or digit in these ranges. */
const NOT_WORD: Range[] = [
  [0x01, 0x2f], // controls, space, ASCII punctuation and symbols up to "/"
  [0x3a, 0x40],
  [0x5b, 0x60],
  [0x7b, 0x7f],
  [0x80, 0xa9], // C1 controls, Latin-1 punctuation and symbols (not ª)
  [0xab, 0xb1], // « ¬ soft hyphen ® ¯ ° ±
  [0xb4, 0xb4],
  [0xb6, 0xb8],
  [0xbb, 0xbb],
  [0xbf, 0xbf],
  [0xd7, 0xd7], // ×
  [0xf7, 0xf7], // ÷
  [0x2000, 0x206f], // general punctuation: dashes, quotes, bullets, ellipsis, zero-width marks
  [0x207a, 0x207e], // superscript signs and brackets (not its digits)
  [0x208a, 0x208e],
  [0x20a0, 0x2101], // currency, combining symbols, then the letter-like block's symbols (™, №, ℃)
  [0x2103, 0x2106],
  [0x2108, 0x2109],
  [0x2114, 0x2114],
  [0x2116, 0x2118],
  [0x211e, 0x2123],
  [0x2125, 0x2125],
  [0x2127, 0x2127],
  [0x2129, 0x2129],
  [0x212e, 0x212e],
  [0x213a, 0x213b],
  [0x2140, 0x2144],
  [0x214a, 0x214d],
  [0x214f, 0x214f],
  [0x218a, 0x245f], // turned digits, arrows, maths, technical, control pictures
  [0x249c, 0x24e9], // parenthesised and circled letters are symbols (So) in Unicode
  [0x2500, 0x2775], // box drawing, shapes, miscellaneous symbols, dingbats (✓, ★)
  [0x2794, 0x2bff], // more dingbats, arrows and symbols
  [0x2e00, 0x2e2e], // supplemental punctuation (not the letter ⸯ)
  [0x2e30, 0x2e7f],
  [0x2e80, 0x2fff], // CJK radicals and description characters (symbols)
  [0x3001, 0x3004], // CJK punctuation
  [0x3008, 0x3020],
  [0x3030, 0x3030],
  [0x3036, 0x3037],
  [0x303d, 0x303f],
  [0xe000, 0xf8ff], // private use
  [0xfe00, 0xfe6f], // variation selectors, vertical, half marks and small forms
  [0xff01, 0xff0f], // full-width punctuation
  [0xff1a, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xff65],
  [0xffe0, 0xffff],
  [0x1f000, 0x1f0ff], // tiles and cards
  [0x1f10d, 0x1faff], // enclosed letters, emoji, pictographs (not the enclosed digits)
  [0xe0000, 0xe007f], // tags
];

// Inside a bracket expression every character is written as itself, except these four.
const literal = (code: number) => {
  const char = String.fromCodePoint(code);
  return '\\]^-'.includes(char) ? `\\${char}` : char;
};
const bracket = (ranges: Range[]) =>
  ranges
    .map(([from, to]) => (from === to ? literal(from) : `${literal(from)}-${literal(to)}`))
    .join('');

const space = bracket(WHITESPACE);
/** One word: non-space characters around at least one that is neither space nor in NOT_WORD. */
export const WORD_PATTERN = `[^${space}]*[^${space}${bracket(NOT_WORD)}][^${space}]*`;

/** The number of words in a text column, as countWords counts them (see above for the rule). */
export function wordCountSql(column: SQL | SQL.Aliased | unknown): SQL<number> {
  return sql<number>`regexp_count(${column}, ${WORD_PATTERN})`.mapWith(Number);
}
