import { describe, expect, it } from 'vitest';
import { changeCounts, diffWords, type Part } from '~/statements/diff';

const side = (parts: Part[], keep: 'removed' | 'added') =>
  parts
    .map((p) =>
      p.type === 'same' ? (keep === 'removed' ? p.was : p.text) : p.type === keep ? p.text : '',
    )
    .join('');

describe('comparing two versions word by word', () => {
  it('marks the words one version has and the other has not', () => {
    const parts = diffWords(
      'I managed the ward rota for six months.',
      'I planned and managed the ward rota for a year.',
    );
    expect(parts).toEqual([
      { type: 'same', text: 'I ', was: 'I ' },
      { type: 'added', text: 'planned and ' },
      { type: 'same', text: 'managed the ward rota for ', was: 'managed the ward rota for ' },
      { type: 'removed', text: 'six months.' },
      { type: 'added', text: 'a year.' },
    ]);
    expect(changeCounts(parts)).toEqual({ removed: 2, added: 4 });
  });

  it('rebuilds each side exactly from its parts', () => {
    const a =
      'Working Together\nI set up a rota.\n\nDelivering at Pace\nI cleared 300 cases in six weeks.';
    const b =
      'Working Together\nI set up a shared rota with two wards.\n\nDelivering at Pace\nI cleared 300 cases.';
    const parts = diffWords(a, b);
    expect(side(parts, 'removed')).toBe(a);
    expect(side(parts, 'added')).toBe(b);
  });

  it('sees no change in identical text, or where only line wrapping differs', () => {
    expect(diffWords('Same words here.', 'Same words here.')).toEqual([
      { type: 'same', text: 'Same words here.', was: 'Same words here.' },
    ]);
    expect(diffWords('one two\nthree', 'one two three').every((p) => p.type === 'same')).toBe(true);
    expect(diffWords('', '')).toEqual([]);
  });

  it('handles one side empty, and long drafts that share nothing', () => {
    expect(diffWords('', 'New text.')).toEqual([{ type: 'added', text: 'New text.' }]);
    expect(diffWords('Old text.', '')).toEqual([{ type: 'removed', text: 'Old text.' }]);
    const a = Array.from({ length: 2000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 2000 }, (_, i) => `b${i}`).join(' ');
    const counts = changeCounts(diffWords(a, b));
    expect(counts).toEqual({ removed: 2000, added: 2000 });
  });

  it('finds a minimal set of changes in a long draft with a few edits', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const edited = [...words];
    edited[100] = 'changed';
    edited.splice(900, 3);
    edited.splice(1200, 0, 'inserted', 'words');
    expect(changeCounts(diffWords(words.join(' '), edited.join(' ')))).toEqual({
      removed: 4,
      added: 3,
    });
  });
});
