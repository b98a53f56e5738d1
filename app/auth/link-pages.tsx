import { Link } from '@remix-run/react';

// The pages an emailed link opens when it cannot be used: cut short by a mail program, or spent.
// Each offers the way to a new link.

type Ask = 'magiclink' | 'recovery';

function AskAgain({ ask }: { ask: Ask }) {
  if (ask === 'recovery') {
    return (
      <p>
        <Link to="/forgot-password" className="button">
          Email me a new reset link
        </Link>
      </p>
    );
  }
  return (
    <>
      <p>
        <Link to="/magic-link" className="button">
          Email me a new sign-in link
        </Link>
      </p>
      <p>
        Or <Link to="/signin">sign in with your password</Link>. If your email address is not
        confirmed yet, we will send you a new confirmation link.
      </p>
    </>
  );
}

/** A link with part of it missing. */
export function BrokenLink({ ask }: { ask: Ask }) {
  return (
    <div className="page narrow">
      <h1>This link is not complete</h1>
      <p>Part of the link seems to be missing. Try copying the whole link from the email.</p>
      <AskAgain ask={ask} />
    </div>
  );
}

/** A link that has expired or was already used: said as soon as it is opened. */
export function SpentLink({ ask }: { ask: Ask }) {
  return (
    <div className="page narrow">
      <h1>This link no longer works</h1>
      <p>
        It has expired or has already been used. Each link works once, and only for a short time, so
        that nobody else can use it later.
      </p>
      <AskAgain ask={ask} />
    </div>
  );
}
