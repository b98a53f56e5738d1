import { formatNumber } from './kinds';
import type { WordReport } from './words';

const words = (n: number) => `${formatNumber(n)} ${n === 1 ? 'word' : 'words'}`;

/**
 * The draft's words against its limit, counted by the app: the whole draft, or each section when
 * the limit is per section. Anything over the limit is said in words, not only in colour.
 */
export function WordCount({ report, live = false }: { report: WordReport; live?: boolean }) {
  if (report.sections.length > 0) {
    return (
      <div className="word-count">
        <p>
          {words(report.words)} in all; the limit is {formatNumber(report.limit)} for each
          statement.
        </p>
        <ul className="word-count__sections">
          {report.sections.map((s) => (
            <li key={s.heading} className={s.over ? 'over' : undefined}>
              {s.heading}: {formatNumber(s.words)} of {formatNumber(report.limit)}
              {s.over ? <strong> ({words(s.over)} over)</strong> : null}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <p className={`word-count${report.over ? ' over' : ''}`}>
      {formatNumber(report.words)} of {words(report.limit)}
      {report.over ? (
        <strong>
          {' '}
          — {words(report.over)} over the limit{live ? '' : ': trim it before you paste it in'}
        </strong>
      ) : null}
    </p>
  );
}

/** A gentle note when stock phrases slipped in despite the instructions. */
export function StockPhrases({ phrases }: { phrases: string[] }) {
  if (phrases.length === 0) return null;
  return (
    <p className="stock-phrases">
      It used {phrases.length === 1 ? 'a stock phrase' : 'stock phrases'} that sifting panels skim
      past: {phrases.map((p) => `“${p}”`).join(', ')}. Say what you did instead.
    </p>
  );
}

/** The reminder beside every draft: AI wrote it, the person checks it. */
export function AiNote() {
  return (
    <p className="ai-note">
      Written by AI (Claude) from your inputs. Check every fact, and make it sound like you, before
      you send it.
    </p>
  );
}
