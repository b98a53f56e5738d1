import { describe, expect, it } from 'vitest';
import { countWords, splitSections, wordReport } from '~/statements/words';

describe('counting words as application portals do', () => {
  it('counts whitespace-separated words, hyphenated and numeric ones once each', () => {
    expect(countWords('I led a well-being project for 12 patients.')).toBe(8);
    expect(countWords('  line one\n\nline   two\t')).toBe(4);
    expect(countWords('')).toBe(0);
  });

  it('does not count a lone dash or bullet', () => {
    expect(countWords('Result – fewer falls • on the ward')).toBe(6);
  });

  it('counts words in any script and with accents', () => {
    expect(countWords('café naïve Cymraeg ysgol')).toBe(4);
  });
});

describe('sections and limits', () => {
  const draft = [
    'Working Together',
    'I organised the handover rota with two other wards.',
    '',
    'Delivering at Pace',
    'I cleared a backlog of 300 referrals in six weeks by triaging them daily.',
  ].join('\n');

  it('splits a draft under its headings, however the heading is decorated', () => {
    const sections = splitSections(draft.replace('Working Together', '**Working together:**'), [
      'Working Together',
      'Delivering at Pace',
    ]);
    expect(sections.map((s) => [s.heading, s.words])).toEqual([
      ['Working Together', 9],
      ['Delivering at Pace', 14],
    ]);
  });

  it('flags the whole draft over its limit by how many words', () => {
    expect(wordReport('one two three four', 3)).toMatchObject({ words: 4, limit: 3, over: 1 });
    expect(wordReport('one two three', 3).over).toBe(0);
  });

  it('checks a per-section limit against each section, not the total', () => {
    const report = wordReport(draft, 10, ['Working Together', 'Delivering at Pace']);
    expect(report.words).toBe(28);
    expect(report.sections.map((s) => s.over)).toEqual([0, 4]);
    expect(report.over).toBe(4);
  });
});
