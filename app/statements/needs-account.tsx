import { Link } from '@remix-run/react';
import { KIND_INFO, KINDS } from './kinds';

/** What a signed-out visitor sees: what the builder does, why it needs an account, and the way in. */
export function NeedsAccount({ back }: { back: string }) {
  const redirectTo = encodeURIComponent(back);
  return (
    <div className="page narrow">
      <h1>Statement Builder</h1>
      <p className="lede">
        Write supporting statements, Civil Service behaviour statements and cover letters from your
        own evidence, with Claude drafting them as you watch.
      </p>
      <ul className="kind-summary">
        {KINDS.map((kind) => (
          <li key={kind}>
            <strong>{KIND_INFO[kind].label}.</strong> {KIND_INFO[kind].description}
          </li>
        ))}
      </ul>
      <h2>It needs an account</h2>
      <p>
        Your inputs and every version of your drafts are kept in your account, so a closed tab loses
        nothing and each draft can sit beside its application. Drafts are written by Claude, an AI
        model run by Anthropic: your inputs are sent there only when you press Generate, under the
        terms in our <Link to="/privacy">privacy policy</Link>. Without an account there is nowhere
        to keep your work, and nothing of yours leaves this browser.
      </p>
      <div className="actions">
        <Link to="/signup" className="button">
          Create an account
        </Link>
        <Link to={`/signin?redirectTo=${redirectTo}`}>Sign in</Link>
      </div>
    </div>
  );
}
