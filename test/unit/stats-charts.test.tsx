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
});
