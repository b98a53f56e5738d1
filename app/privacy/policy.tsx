import policyText from './privacy-policy.txt?raw';

/** When the policy text last changed; the policy itself promises this date at the top. */
export const POLICY_LAST_UPDATED = '27 Nov 2026';

/**
 * The one exception to "a single session cookie", stated beside the operator's text rather than
 * rewording it (docs/decisions/022).
 */
export const GOOGLE_COOKIE_NOTE =
  'If you use Sign in with Google, JobTrack also sets one short-lived cookie while Google is ' +
  'open: it lets only the browser that started the sign-in finish it. It lasts at most 10 ' +
  'minutes and is removed when Google sends you back.';

type Block = { kind: 'p'; text: string } | { kind: 'table'; head: string[]; rows: string[][] };

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/** Splits the operator's plain-text policy into paragraphs and its Markdown-style tables. */
export function parsePolicy(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('|')) {
      blocks.push({ kind: 'p', text: line.trim() });
      continue;
    }
    const head = cells(line);
    const rows: string[][] = [];
    i += 2; // skip the |---| separator
    while (i < lines.length && lines[i]!.startsWith('|')) rows.push(cells(lines[i++]!));
    i--;
    blocks.push({ kind: 'table', head, rows });
  }
  return blocks;
}

/** The privacy policy page body, rendered from the operator's text without rewording it. */
export function PrivacyPolicy() {
  return (
    <article className="page narrow prose">
      <h1>Privacy policy</h1>
      <p className="muted">Last updated: {POLICY_LAST_UPDATED}</p>
      {parsePolicy(policyText).map((block, n) =>
        block.kind === 'p' ? (
          <p key={n}>{block.text}</p>
        ) : (
          <div className="table-scroll" key={n}>
            <table>
              <thead>
                <tr>
                  {block.head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row) => (
                  <tr key={row[0]}>
                    {row.map((c, k) =>
                      k === 0 ? (
                        <th scope="row" key={k}>
                          {c}
                        </th>
                      ) : (
                        <td key={k}>{c}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}
      <h2>Cookies in detail</h2>
      <p>{GOOGLE_COOKIE_NOTE}</p>
    </article>
  );
}
