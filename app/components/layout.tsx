import { Form, Link, NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';

type NavItem = { to: string; label: string; end?: boolean };

/** The main navigation of a signed-in person. */
export const SIGNED_IN_NAV: NavItem[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/applications', label: 'Applications' },
  { to: '/statements', label: 'Statements' },
  { to: '/stats', label: 'Stats' },
  { to: '/account', label: 'Account' },
];

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
            {SIGNED_IN_NAV.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.end}>
                {item.label}
              </NavLink>
            ))}
            <Form method="post" action="/signout" className="inline-form">
              <button type="submit" className="link-button">
                Sign out
              </button>
            </Form>
          </nav>
        ) : (
          <nav aria-label="Main" className="site-nav">
            <NavLink to="/statements">Statement Builder</NavLink>
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

/**
 * The same header as plain HTML, for pages the server streams itself (outside Remix's router):
 * `current` is the path whose link is marked as the current page.
 */
export function StaticSiteHeader({ current }: { current: string }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="brand">
          JobTrack
        </a>
        <nav aria-label="Main" className="site-nav">
          {SIGNED_IN_NAV.map((item) => (
            <a
              key={item.to}
              href={item.to}
              className={item.to === current ? 'active' : undefined}
              aria-current={item.to === current ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
          <form method="post" action="/signout" className="inline-form">
            <button type="submit" className="link-button">
              Sign out
            </button>
          </form>
        </nav>
      </div>
    </header>
  );
}

/** The site's footer. `showOutbox` is true only in local auth mode. */
export function SiteFooter({
  showOutbox,
  plain = false,
  analytics = null,
}: {
  showOutbox: boolean;
  /** The analytics switch, where the page has one. */
  analytics?: ReactNode;
  /** Plain links, for pages streamed outside Remix's router. */
  plain?: boolean;
}) {
  return (
    <footer className="site-footer">
      <nav aria-label="Footer">
        {plain ? <a href="/privacy">Privacy policy</a> : <Link to="/privacy">Privacy policy</Link>}
        {showOutbox ? (
          plain ? (
            <a href="/dev/outbox">Dev outbox</a>
          ) : (
            <Link to="/dev/outbox">Dev outbox</Link>
          )
        ) : null}
      </nav>
      {analytics}
      <p>JobTrack, made in England.</p>
    </footer>
  );
}
