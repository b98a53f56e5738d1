import { Link } from '@remix-run/react';

/** The signed-out home page: what JobTrack does, and the way in. */
export function Landing() {
  // Link names avoid "Sign in" and "Create account": the header already has links with those names.
  return (
    <div className="page landing">
      <section className="landing__hero">
        <h1>Every job application, in one calm place</h1>
        <p className="landing__lede">
          JobTrack keeps track of the jobs you apply for: the company, the role, the closing date,
          where you found it and what happened next. It is built for job hunting in the UK.
        </p>
        <div className="actions">
          <Link to="/signup" className="button">
            Get started, it is free
          </Link>
          <Link to="/signin" className="button button--secondary">
            I already have an account
          </Link>
        </div>
        <p className="landing__guest">
          <Link to="/guest">Use it without an account</Link>: your applications stay in this browser
          and nothing is sent to us.
        </p>
      </section>
      <ul className="landing__points">
        <li className="card">
          <h2>Never miss a closing date</h2>
          <p>Your dashboard lists the adverts that close in the next 7 days, soonest first.</p>
        </li>
        <li className="card">
          <h2>See where you stand</h2>
          <p>
            Move each application from Saved to Applied, Interviewing or Offer, with a dated history
            of every step.
          </p>
        </li>
        <li className="card">
          <h2>Yours alone</h2>
          <p>
            Your applications are visible only to you, and deleting your account removes all of them
            at once.
          </p>
        </li>
      </ul>
    </div>
  );
}
