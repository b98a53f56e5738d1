// Word-level differences between two versions of a draft (Myers' algorithm), for the side-by-side
// comparison. Words are compared without their trailing spaces, so a rewrapped line is no change.

/** A run of words; a shared run keeps each side's own spacing (`text` is the newer side's). */
export type Part =
  { type: 'same'; text: string; was: string } | { type: 'removed' | 'added'; text: string };

// Past this many differences two drafts have little in common, and the work (which grows with its
// square) is not worth it: they are shown as wholly different.
const MAX_EDITS = 1_000;

const tokens = (text: string) => text.match(/\s+|\S+\s*/g) ?? [];

/** The parts of `a` and `b`: what both share, what only `a` has (removed), what only `b` has (added). */
export function diffWords(a: string, b: string): Part[] {
  const left = tokens(a);
  const right = tokens(b);
  const x = left.map((t) => t.trim());
  const y = right.map((t) => t.trim());
  const parts: Part[] = [];
  const push = (type: 'removed' | 'added', text: string) => {
    const last = parts[parts.length - 1];
    if (last?.type === type) last.text += text;
    else parts.push({ type, text });
  };
  const same = (i: number, j: number) => {
    const last = parts[parts.length - 1];
    if (last?.type === 'same') {
      last.text += right[j]!;
      last.was += left[i]!;
    } else parts.push({ type: 'same', text: right[j]!, was: left[i]! });
  };

  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  for (let i = 0; i < start; i++) same(i, i);
  const middle = shortestEdit(x.slice(start, endX), y.slice(start, endY));
  if (middle) {
    for (const [op, i, j] of middle) {
      if (op === 'same') same(start + i, start + j);
      else if (op === 'removed') push('removed', left[start + i]!);
      else push('added', right[start + j]!);
    }
  } else {
    for (let i = start; i < endX; i++) push('removed', left[i]!);
    for (let j = start; j < endY; j++) push('added', right[j]!);
  }
  for (let j = endY; j < y.length; j++) same(j - endY + endX, j);
  return parts;
}

type Step = ['same' | 'removed' | 'added', number, number];

/** Myers' shortest edit script between x and y, or null when it needs more than MAX_EDITS edits. */
function shortestEdit(x: string[], y: string[]): Step[] | null {
  const n = x.length;
  const m = y.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, MAX_EDITS); d++) {
    // The reach after d - 1 edits, kept for the way back. In-place updates below are safe: step
    // d reads only diagonals of the other parity.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let i =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      v[offset + k] = i;
      if (i >= n && j >= m) return backtrack(trace, n, m, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number, last: number): Step[] {
  const steps: Step[] = [];
  let i = n;
  let j = m;
  for (let d = last; d > 0; d--) {
    const v = trace[d]!; // the furthest reach of each diagonal after d - 1 edits
    const at = (k: number) => v[k + d + 1]!;
    const k = i - j;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevI = at(prevK);
    const prevJ = prevI - prevK;
    while (i > prevI && j > prevJ) steps.push(['same', --i, --j]);
    if (down) steps.push(['added', i, --j]);
    else steps.push(['removed', --i, j]);
  }
  while (i > 0 && j > 0) steps.push(['same', --i, --j]);
  return steps.reverse();
}

/** How many words each side changed. */
export function changeCounts(parts: Part[]) {
  const count = (type: Part['type']) =>
    parts
      .filter((p) => p.type === type)
      .reduce((n, p) => n + (p.text.match(/\S+/g)?.length ?? 0), 0);
  return { removed: count('removed'), added: count('added') };
}
