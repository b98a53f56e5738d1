import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StackedRowChart } from '~/stats/charts';

const parts = [
  { key: 'offer', name: 'Offer' },
  { key: 'none', name: 'No reply' },
] as const;

const labelsOf = (rows: Array<{ label: string }>) => {
  const svg = renderToStaticMarkup(
    <StackedRowChart
      rows={rows.map((r) => ({ ...r, values: { offer: 1, none: 2 } }))}
      parts={[...parts]}
      summary="Outcomes by source"
    />,
  );
  return [...svg.matchAll(/<text class="chart__label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
};

describe('the outcomes-by-source chart', () => {
  it('writes a source’s name whole, as long as “Recruitment agency (Hays)”', () => {
    expect(
      labelsOf([{ label: 'Civil Service Jobs' }, { label: 'Recruitment agency (Hays)' }]),
    ).toEqual(['Civil Service Jobs', 'Recruitment agency (Hays)']);
  });

  it('shortens only a name too long for its line, which the table beside it gives whole', () => {
    const long = 'Friend at the Leeds Teaching Hospitals careers fair, November';
    const [label] = labelsOf([{ label: long }]);
    expect(label).toMatch(/…$/);
    expect(label!.length).toBeLessThan(long.length);
    expect(long.startsWith(label!.slice(0, -1))).toBe(true);
  });

  it('keeps the names in its key apart and inside the chart, on a second line when they need it', () => {
    const outcomes = ['Offer', 'Interview', 'Rejected', 'Withdrawn', 'No reply'];
    const svg = renderToStaticMarkup(
      <StackedRowChart
        rows={[{ label: 'NHS Jobs', values: Object.fromEntries(outcomes.map((n) => [n, 1])) }]}
        parts={outcomes.map((name) => ({ key: name, name }))}
        summary="Outcomes by source"
      />,
    );
    const entries = [...svg.matchAll(/<g transform="translate\(([\d.]+) ([\d.]+)\)">/g)].map(
      (m, i) => ({ x: Number(m[1]), y: Number(m[2]), name: outcomes[i]! }),
    );
    expect(entries.map((e) => e.name)).toEqual(outcomes);
    // Generously wide: a swatch, then 7px a character of 11px text.
    const right = (e: (typeof entries)[number]) => e.x + 16 + e.name.length * 7;
    for (const [i, entry] of entries.entries()) {
      expect(right(entry)).toBeLessThanOrEqual(360);
      const next = entries[i + 1];
      if (next && next.y === entry.y) expect(next.x).toBeGreaterThan(right(entry));
    }
    expect(new Set(entries.map((e) => e.y)).size).toBe(2);
  });
});
