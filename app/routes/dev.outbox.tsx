import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { listOutbox } from '~/auth/local/outbox.server';
import { isLocalDevelopment } from '~/http/security.server';

export const meta: MetaFunction = () => [
  { title: 'Dev outbox · JobTrack' },
  { name: 'robots', content: 'noindex' },
];

const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

// Local mode on the developer's own machine only. The outbox holds live sign-in and reset links,
// so a deployment left in local mode by mistake must not show it to the world.
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (context.config.authMode !== 'local' || !isLocalDevelopment(request)) {
    throw new Response('Not Found', { status: 404 });
  }
  const emails = await listOutbox(context);
  return {
    emails: emails.map(({ id, to, subject, body, createdAt }) => ({
      id,
      to,
      subject,
      body,
      sentAt: when.format(createdAt),
    })),
  };
}

export default function DevOutbox() {
  const { emails } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Dev outbox</h1>
      </div>
      <p className="muted">
        Local mode sends no email. What would have been sent is kept here, newest first, and printed
        in the server’s console.
      </p>
      {emails.length === 0 ? <p>No emails yet.</p> : null}
      {emails.map((email) => (
        <article key={email.id} className="card" aria-labelledby={`email-${email.id}`}>
          <h2 id={`email-${email.id}`}>{email.subject}</h2>
          <dl>
            <dt>To</dt>
            <dd>{email.to}</dd>
            <dt>Subject</dt>
            <dd>{email.subject}</dd>
            <dt>Sent</dt>
            <dd>{email.sentAt}</dd>
          </dl>
          <EmailBody body={email.body} />
        </article>
      ))}
    </div>
  );
}

/** The plain-text body, with each http(s) URL made a real link. */
function EmailBody({ body }: { body: string }) {
  return (
    <div className="email-body">
      {body.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>
          {paragraph.split(/(https?:\/\/\S+)/).map((part, j) =>
            /^https?:\/\//.test(part) ? (
              <a key={j} href={part}>
                <Breakable text={part} />
              </a>
            ) : (
              <Fragment key={j}>{part}</Fragment>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

/** Long URLs with break opportunities, so a 64-character token wraps on a phone screen. */
function Breakable({ text }: { text: string }) {
  const pieces = text.match(/.{1,16}/g) ?? [];
  return pieces.map((piece, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {piece}
    </Fragment>
  ));
}
