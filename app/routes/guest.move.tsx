import type { MetaFunction } from '@remix-run/cloudflare';
import { Link, useLoaderData, useNavigate, useRevalidator } from '@remix-run/react';
import { useState } from 'react';
import { MAX_APPLICATIONS } from '~/applications/limits';
import { withNotice } from '~/components/notice';
import { guestApplications } from '~/guest/applications';
import { confirmBatches, removeMoved, type MoveOutcome } from '~/guest/move';
import { moveBatches } from '~/guest/move-batches';
import { useMoveCheck } from '~/guest/move-check';
import { GUEST_HOME, GUEST_MOVE } from '~/guest/paths';
import { GuestStorageError } from '~/guest/save';
import { readGuest } from '~/guest/storage';
import { importAdds, importFits, ImportPlanSummary } from '~/portability/import-preview';
import { useRootData } from '~/components/root-data';

export const meta: MetaFunction = () => [{ title: 'Move into an account · Guest · JobTrack' }];

export async function clientLoader() {
  return { count: (await guestApplications()).length };
}

const OUTCOMES: Record<Exclude<MoveOutcome, 'saved'>, string> = {
  'signed-out':
    'You were signed out before the move finished, so nothing was moved. Sign in and try again.',
  refused:
    'Nothing was moved: your account could not take this data, or you have signed in to a different account since the check. Your applications are still here; check again.',
  full: `Nothing was moved: your account now holds too many applications to take these (it can hold ${MAX_APPLICATIONS.toLocaleString('en-GB')}). Your applications are still here. Delete ones you no longer need from your account, then check again.`,
  failed:
    'The move did not finish, so nothing was moved and your applications are still here. Please try again in a minute.',
};
/**
 * When some parts of a move in parts were saved before one was not: where they went, and what to
 * do next. The saved parts' applications have left this browser unless a copy was kept, so none
 * is edited here and then lost to a later move that finds it already in the account.
 */
const stoppedPartWay = (outcome: MoveOutcome, email: string, kept: boolean) =>
  `The move stopped part way: some of your applications are now in the account ${email}${
    kept
      ? ', and all of them are still in this browser'
      : ' and have left this browser; the rest are still here'
  }. ${
    outcome === 'signed-out'
      ? 'You were signed out: sign in to that account, then come back here and move again.'
      : outcome === 'refused'
        ? `If you have signed in to a different account since, sign in to ${email} again first. Then check and move again: nothing is added twice.`
        : outcome === 'full'
          ? `The rest would take the account past ${MAX_APPLICATIONS.toLocaleString('en-GB')} applications: delete ones you no longer need from it, then check and move again. Nothing is added twice.`
          : 'Check and move again to bring the rest: nothing is added twice.'
  }`;

const applications = (n: number) =>
  n === 1 ? '1 application' : `${n.toLocaleString('en-GB')} applications`;

export default function GuestMove() {
  const { count } = useLoaderData<typeof clientLoader>();
  const user = useRootData()?.user ?? null;
  if (!user) {
    if (count === 0) return <NothingToMove signedIn={false} />;
    return (
      <div className="page narrow">
        <h1>Keep your applications in an account</h1>
        <div className="card">
          <p>
            You have {applications(count)} in this browser. An account keeps them safe and lets you
            use them on any device. Sign in, or create a free account, then come back to this page
            to move them in one step. Nothing is sent until you ask to check what will be moved, and
            nothing is saved in your account until you confirm.
          </p>
          <div className="actions">
            <Link to={`/signin?redirectTo=${encodeURIComponent(GUEST_MOVE)}`} className="button">
              Sign in to move them
            </Link>
            <Link to="/signup" className="button button--secondary">
              Create an account
            </Link>
          </div>
          <p className="muted">
            After creating your account and confirming your email in this browser, your dashboard
            offers to move them.
          </p>
        </div>
      </div>
    );
  }
  return <MoveForm count={count} email={user.email} />;
}

function NothingToMove({ signedIn }: { signedIn: boolean }) {
  return (
    <div className="page narrow">
      <h1>Nothing to move</h1>
      <div className="card">
        <p>Guest mode in this browser holds no applications, so there is nothing to move.</p>
        <div className="actions">
          {signedIn ? <Link to="/applications">Go to your account’s applications</Link> : null}
          <Link to={GUEST_HOME}>Back to guest mode</Link>
        </div>
      </div>
    </div>
  );
}

function MoveForm({ count, email }: { count: number; email: string }) {
  const moveCheck = useMoveCheck();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const [keep, setKeep] = useState(false);
  const [moving, setMoving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [kept, setKept] = useState<number | null>(null);
  const { checked: plan, refused, progress } = moveCheck;
  const checking = progress !== null;

  const check = async () => {
    const read = await readGuest();
    if (!read.ok) return setProblem(read.message);
    setProblem(null);
    // More than one import takes goes in parts (move-batches.ts).
    moveCheck.check(moveBatches(read.document));
  };
  /** Removes what `texts` sent (removeMoved); false, with the message shown, if storage refused. */
  const removeQuietly = async (texts: string[]): Promise<number | false> => {
    try {
      return await removeMoved(texts);
    } catch (error) {
      if (error instanceof GuestStorageError) {
        setProblem(error.message);
        return false;
      }
      throw error;
    }
  };
  // Only what was sent goes, as it was sent: a change made in another tab since the check stays.
  const removeSent = async (texts: string[], then: string) => {
    const left = await removeQuietly(texts);
    if (left === false) return;
    if (left === 0) return navigate(then);
    setKept(left);
  };
  const move = async (texts: string[], accountId: string, accountEmail: string) => {
    setMoving(true);
    setProblem(null);
    const { outcome, saved } = await confirmBatches(texts, accountId);
    if (outcome !== 'saved') {
      setMoving(false);
      if (saved === 0) return setProblem(OUTCOMES[outcome]);
      if (!keep && (await removeQuietly(texts.slice(0, saved))) === false) return;
      moveCheck.reset();
      revalidator.revalidate();
      return setProblem(stoppedPartWay(outcome, accountEmail, keep));
    }
    // Saved by the server: only now does the browser's copy go, unless the person keeps it.
    if (keep) return navigate(withNotice('/applications', 'moved'));
    await removeSent(texts, withNotice('/applications', 'moved'));
  };

  // Only while nothing is under way: another tab emptying the store must not hide a move's outcome.
  if (count === 0 && !plan && !checking && !moving && !problem && kept === null) {
    return <NothingToMove signedIn />;
  }

  if (kept !== null) {
    return (
      <div className="page narrow">
        <h1>Your applications were moved</h1>
        <section className="card" role="status">
          <p>
            {applications(kept)} added or changed in another tab since the check{' '}
            {kept === 1 ? 'was' : 'were'} kept in this browser, not moved. Move again to bring{' '}
            {kept === 1 ? 'it' : 'them'} into your account.
          </p>
          <div className="actions">
            <Link to="/applications">Go to your account’s applications</Link>
            <Link to="/guest">Back to guest mode</Link>
          </div>
        </section>
      </div>
    );
  }

  return (
    <div className="page narrow">
      <h1>Move your applications into your account</h1>
      <section className="card" aria-labelledby="import-preview">
        {problem || refused.length > 0 ? (
          <div className="form-errors" role="alert">
            {[problem, ...refused].filter(Boolean).map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        ) : null}
        {plan ? (
          <>
            <ImportPlanSummary plan={plan.plan} source="this browser’s guest data" />
            {/* The account the server answered for, not the page's copy from when guest mode opened. */}
            <p>
              Into the account <strong>{plan.account.email}</strong>.
            </p>
            {importFits(plan.plan) ? (
              <div className="field">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={keep}
                    onChange={(e) => setKeep(e.target.checked)}
                  />{' '}
                  Also keep a copy in this browser
                </label>
              </div>
            ) : null}
            {plan.plan.applications.skip > 0 && importFits(plan.plan) ? (
              <p>
                Changes made in this browser to applications your account already has (their details
                or follow-up dates) are not copied across: make them in your account
                {keep ? '' : ', before this browser’s copy is removed'}.
              </p>
            ) : null}
            {!importFits(plan.plan) ? (
              // The account cannot take what this check would add: it all stays in this browser.
              <div className="actions">
                <Link to="/guest">Back to your applications in this browser</Link>
              </div>
            ) : importAdds(plan.plan) ? (
              <>
                {plan.texts.length > 1 ? (
                  <p>
                    This is more than one import takes at once, so it goes in {plan.texts.length}{' '}
                    parts, one after another. If the move stops part way, what was moved stays in
                    your account and everything stays in this browser: moving again adds only the
                    rest.
                  </p>
                ) : null}
                <div className="actions">
                  <button
                    type="button"
                    disabled={moving}
                    onClick={() => void move(plan.texts, plan.account.id, plan.account.email)}
                  >
                    {moving ? 'Moving…' : 'Move into my account'}
                  </button>
                  <Link to="/guest">Cancel</Link>
                </div>
              </>
            ) : (
              <>
                <div className="actions">
                  {keep ? null : (
                    <button type="button" onClick={() => removeSent(plan.texts, '/applications')}>
                      Remove the copy in this browser
                    </button>
                  )}
                  <Link to="/applications">Go to your account’s applications</Link>
                </div>
              </>
            )}
          </>
        ) : (
          <>
            <p>
              You are signed in as <strong>{email}</strong>. Your {applications(count)} will be sent
              to this account and kept there. You will see what will be added before anything
              changes; applications already in the account are not added twice.
            </p>
            <div className="actions">
              <button type="button" disabled={checking} onClick={() => void check()}>
                {checking ? 'Checking…' : 'Check what will be moved'}
              </button>
              {progress && progress.of > 1 ? (
                <span role="status" className="muted">
                  Part {progress.done + 1} of {progress.of}
                </span>
              ) : null}
              <Link to="/guest">Cancel</Link>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
