// Charts drawn on the server as SVG: no chart script reaches the browser. Each chart is an image
// with a one-sentence summary for screen readers, and the page gives its figures as a table too.
import { useId } from 'react';

const WIDTH = 360;

type Bar = { label: string; n: number; title: string };

/** A column per item (weeks), labelled every `labelEvery` columns so phone widths stay legible. */
export function ColumnChart({
  bars,
  summary,
  labelEvery = 2,
}: {
  bars: Bar[];
  summary: string;
  labelEvery?: number;
}) {
  const id = useId();
  const height = 180;
  const [top, bottom, left] = [16, 24, 24];
  const plot = height - top - bottom;
  const max = Math.max(1, ...bars.map((b) => b.n));
  const step = (WIDTH - left) / bars.length;
  const y = (n: number) => top + plot - (n / max) * plot;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={id}>
      <title id={id}>{summary}</title>
      <line className="chart__axis" x1={left} x2={WIDTH} y1={y(0)} y2={y(0)} />
      <text className="chart__tick" x={left - 4} y={y(max) + 4} textAnchor="end">
        {max}
      </text>
      <text className="chart__tick" x={left - 4} y={y(0)} textAnchor="end">
        0
      </text>
      {bars.map((bar, i) => {
        const x = left + i * step;
        return (
          <g key={bar.label}>
            <rect
              className="chart__bar"
              x={x + step * 0.15}
              width={step * 0.7}
              y={y(bar.n)}
              height={Math.max(0, y(0) - y(bar.n))}
            >
              <title>{bar.title}</title>
            </rect>
            {bar.n > 0 ? (
              <text className="chart__value" x={x + step / 2} y={y(bar.n) - 3} textAnchor="middle">
                {bar.n}
              </text>
            ) : null}
            {i % labelEvery === 0 ? (
              <text className="chart__tick" x={x + step / 2} y={height - 6} textAnchor="middle">
                {bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** One horizontal bar per row, its count and share written beside it (the funnel). */
export function RowChart({
  rows,
  summary,
}: {
  rows: Array<{ label: string; n: number; note: string }>;
  summary: string;
}) {
  const id = useId();
  const rowHeight = 34;
  const [labelWidth, noteWidth] = [78, 92];
  const span = WIDTH - labelWidth - noteWidth;
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${rows.length * rowHeight}`}
      role="img"
      aria-labelledby={id}
    >
      <title id={id}>{summary}</title>
      {rows.map((row, i) => {
        const middle = i * rowHeight + rowHeight / 2;
        return (
          <g key={row.label}>
            <text className="chart__label" x={0} y={middle + 4}>
              {row.label}
            </text>
            <rect
              className="chart__bar"
              x={labelWidth}
              y={middle - 10}
              height={20}
              width={Math.max(row.n > 0 ? 2 : 0, (row.n / max) * span)}
            />
            <text className="chart__value" x={labelWidth + (row.n / max) * span + 6} y={middle + 4}>
              {row.note}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Longer names than this many characters end in "…": the table below the chart has them whole. */
const LABEL_MAX = 42;

/**
 * The parts of one whole per row (a source's outcomes), with a key to the parts. Each row's name
 * sits on its own line above its bar, so names as long as "Civil Service Jobs" read whole.
 */
export function StackedRowChart<K extends string>({
  rows,
  parts,
  summary,
}: {
  rows: Array<{ label: string; values: Record<K, number> }>;
  parts: Array<{ key: K; name: string }>;
  summary: string;
}) {
  const id = useId();
  const rowHeight = 40;
  const key = keyLayout(parts.map((part) => part.name));
  const keyHeight = key.height;
  const totals = rows.map((r) => parts.reduce((sum, p) => sum + r.values[p.key], 0));
  const max = Math.max(1, ...totals);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${keyHeight + rows.length * rowHeight}`}
      role="img"
      aria-labelledby={id}
    >
      <title id={id}>{summary}</title>
      {parts.map((part, i) => (
        <g key={part.key} transform={`translate(${key.at[i]!.x} ${key.at[i]!.y})`}>
          <rect className={`chart__part chart__part--${i}`} x={0} y={4} width={12} height={12} />
          <text className="chart__tick" x={16} y={14}>
            {part.name}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const top = keyHeight + i * rowHeight;
        let x = 0;
        return (
          <g key={i}>
            <text className="chart__label" x={0} y={top + 14}>
              {row.label.length > LABEL_MAX ? `${row.label.slice(0, LABEL_MAX - 1)}…` : row.label}
            </text>
            {parts.map((part, p) => {
              const width = (row.values[part.key] / max) * WIDTH;
              const rect = (
                <rect
                  key={part.key}
                  className={`chart__part chart__part--${p}`}
                  x={x}
                  y={top + 20}
                  width={width}
                  height={14}
                />
              );
              x += width;
              return rect;
            })}
          </g>
        );
      })}
    </svg>
  );
}

// The key's names are 11px; an average character is about 6.4px wide at that size.
const KEY_CHARACTER = 6.4;
const KEY_LINE = 18;

/**
 * Where each entry of a chart's key goes (a swatch, its name, a gap), on as many lines as the
 * names need to stay apart, and the height the key takes.
 */
function keyLayout(names: string[]) {
  let x = 0;
  let y = 0;
  const at = names.map((name) => {
    const width = 16 + name.length * KEY_CHARACTER + 14;
    if (x > 0 && x + width > WIDTH) {
      x = 0;
      y += KEY_LINE;
    }
    const place = { x, y };
    x += width;
    return place;
  });
  return { at, height: y + 26 };
}
