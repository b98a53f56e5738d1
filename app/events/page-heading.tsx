import { Link } from '@remix-run/react';

/**
 * The top of a page about one application's date or follow-up (account and guest mode alike): the
 * way back to the application, the title, and which application it is for (none when the page is
 * shown again from what a signed-out form sent).
 */
export function EventPageHeading({
  back,
  title,
  application,
}: {
  back: string;
  title: string;
  application: { role: string; company: string } | null;
}) {
  return (
    <>
      <p className="muted breadcrumb">
        <Link to={back}>Back to the application</Link>
      </p>
      <h1>{title}</h1>
      {application ? (
        <p className="lead wrap-anywhere">
          For {application.role} at {application.company}
        </p>
      ) : null}
    </>
  );
}
