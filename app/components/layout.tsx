import { Form, Link, NavLink } from '@remix-run/react';

/**
 * The site's header: brand, main navigation, and the account menu. `user` is undefined when it
 * cannot be known (the database is away): then no account links are offered.
 */
export function SiteHeader({ user }: { user: { email: string } | null | undefined }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          JobTrack
        </Link>
        {user === undefined ? null : user ? (
          <nav aria-label="Main" className="site-nav">
            <NavLink to="/" end>
              Dashboard
            </NavLink>
            <NavLink to="/applications">Applications</NavLink>
            <NavLink to="/account">Account</NavLink>
            <Form method="post" action="/signout" className="inline-form">
              <button type="submit" className="link-button">
                Sign out
              </button>
            </Form>
          </nav>
        ) : (
          <nav aria-label="Main" className="site-nav">
            <NavLink to="/signin">Sign in</NavLink>
            <NavLink to="/signup" className="button button--small">
              Create account
            </NavLink>
          </nav>
        )}
      </div>
    </header>
  );
}

/** The site's footer. `showOutbox` is true only in local auth mode. */
export function SiteFooter({ showOutbox }: { showOutbox: boolean }) {
  return (
    <footer className="site-footer">
      <nav aria-label="Footer">
        <Link to="/privacy">Privacy policy</Link>
        {showOutbox ? <Link to="/dev/outbox">Dev outbox</Link> : null}
      </nav>
      <p>JobTrack, made in England.</p>
    </footer>
  );
}
