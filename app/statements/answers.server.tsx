// The answer to Generate without JavaScript: an HTML page the browser renders as it arrives.
// The top of the page goes out at once, then each piece of Claude's text, then how it ended (the
// saved version, its word count, and a form to generate again from the same inputs). It is
// written by hand, not by Remix, because React's streaming needs JavaScript to show late content.
import { renderToStaticMarkup } from 'react-dom/server';
import { SiteFooter, StaticSiteHeader } from '~/components/layout';
import rootStyles from '~/styles.css?url';
import type { DraftEvent } from './events';
import { KIND_INFO, type Kind } from './kinds';
import statementStyles from './statements.css?url';
import { AiNote, StockPhrases, WordCount } from './word-count';

export type AnswerPage = {
  statementId: string;
  versionId: string;
  number: number;
  kind: Kind;
  jobTitle: string;
  /** The submitted form's fields, sent again by "Generate again" (with a fresh one-time key). */
  again: Array<[string, string]>;
  showOutbox: boolean;
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function top(page: AnswerPage): string {
  const title = `${KIND_INFO[page.kind].short}${page.jobTitle ? ` for ${page.jobTitle}` : ''}`;
  const head = [
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Sent before the words, so it stays once they end: true while writing and after.
    `<title>Version ${page.number}: ${escapeHtml(title)} · JobTrack</title>`,
    `<link rel="stylesheet" href="${rootStyles}"><link rel="stylesheet" href="${statementStyles}">`,
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    '</head><body><a class="skip-link" href="#main">Skip to content</a>',
  ].join('');
  const intro = renderToStaticMarkup(
    <>
      <p className="muted breadcrumb">
        <a href={`/statements/${page.statementId}`}>Back to your inputs</a>
      </p>
      <h1>{title}</h1>
      <p className="writing-note" role="status">
        Claude is writing Version {page.number}: the words appear below as they arrive. You can
        leave this page; the draft is saved when it is finished.
      </p>
      <form
        className="stop-form"
        method="post"
        action={`/statements/${page.statementId}/versions/${page.versionId}/stop`}
      >
        <button type="submit" className="button--secondary">
          Stop writing
        </button>
      </form>
      <h2 className="visually-hidden">Draft</h2>
    </>,
  );
  return (
    head +
    renderToStaticMarkup(<StaticSiteHeader current="/statements" />) +
    '<main id="main" tabindex="-1"><div class="page statement-answer">' +
    intro +
    '<div class="draft-text draft-live">'
  );
}

function outcome(page: AnswerPage, end: Extract<DraftEvent, { type: 'end' }>): string {
  const heading = !end.saved
    ? 'Not saved'
    : end.versionId === null
      ? 'No draft this time'
      : end.status === 'complete'
        ? `Saved as Version ${end.number}`
        : end.status === 'stopped'
          ? `Stopped: saved as Version ${end.number}`
          : `Incomplete: saved as Version ${end.number}`;
  const versionUrl = end.versionId
    ? `/statements/${page.statementId}/versions/${end.versionId}`
    : null;
  return renderToStaticMarkup(
    <section className="draft-outcome" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">{heading}</h2>
      {end.message ? (
        <p className="form-errors" role="alert">
          {end.message}
        </p>
      ) : null}
      {end.versionId ? <WordCount report={end.report} /> : null}
      <StockPhrases phrases={end.stockPhrases} />
      {end.versionId ? <AiNote /> : null}
      <div className="actions">
        {versionUrl ? (
          <a className="button" href={versionUrl}>
            Open Version {end.number} to edit or rename it
          </a>
        ) : null}
        {versionUrl && end.number > 1 ? (
          <a href={`/statements/${page.statementId}/compare?b=${end.versionId}`}>
            Compare with the previous version
          </a>
        ) : null}
        <a href={`/statements/${page.statementId}`}>Change your inputs</a>
      </div>
      <form method="post" action="/statements/generate" className="again-form">
        {page.again.map(([name, value], i) => (
          <input key={i} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="statementId" value={page.statementId} />
        <input type="hidden" name="submissionKey" value={crypto.randomUUID()} />
        <button type="submit" name="intent" value="generate" className="button--secondary">
          Generate again with the same inputs
        </button>
      </form>
    </section>,
  );
}

function bottom(page: AnswerPage): string {
  return (
    '</div></main>' +
    renderToStaticMarkup(<SiteFooter showOutbox={page.showOutbox} plain />) +
    '</body></html>'
  );
}

/** The streamed HTML answer for these draft events. */
export function htmlAnswer(events: ReadableStream<DraftEvent>, page: AnswerPage): Response {
  const encoder = new TextEncoder();
  let ended = false;
  const html = events.pipeThrough(
    new TransformStream<DraftEvent, Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(top(page)));
      },
      transform(event, controller) {
        if (event.type === 'text') controller.enqueue(encoder.encode(escapeHtml(event.text)));
        else if (event.type === 'end') {
          ended = true;
          controller.enqueue(encoder.encode(`</div>${outcome(page, event)}${bottom(page)}`));
        }
      },
      flush(controller) {
        if (!ended) controller.enqueue(encoder.encode(`</div>${bottom(page)}`));
      },
    }),
  );
  return new Response(html, { status: 200, headers: streamHeaders('text/html; charset=utf-8') });
}

/** The streamed answer for the enhanced form: one JSON event a line. */
export function ndjsonAnswer(events: ReadableStream<DraftEvent>): Response {
  const encoder = new TextEncoder();
  const lines = events.pipeThrough(
    new TransformStream<DraftEvent, Uint8Array>({
      transform(event, controller) {
        controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      },
    }),
  );
  return new Response(lines, {
    status: 200,
    headers: streamHeaders('application/x-ndjson; charset=utf-8'),
  });
}

function streamHeaders(contentType: string) {
  return {
    'Content-Type': contentType,
    // Nothing between here and the browser may hold the words back to compress or cache them.
    // Cloudflare (and wrangler dev, which copies it) gzips text/html in blocks unless the response
    // already names its encoding; `identity` says "sent as is" (docs/decisions/012).
    'Content-Encoding': 'identity',
    'Cache-Control': 'no-store, no-transform',
    'X-Accel-Buffering': 'no',
  };
}
