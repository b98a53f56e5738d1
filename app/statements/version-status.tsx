// How a saved version stands, in words: its status tag and, when it is incomplete, why. Shown
// beside the builder's draft and on a version's own page.
import { shortfallCause, type Shortfall } from './messages';
import type { VersionSummary } from './types';

const STATUS_TEXT: Record<VersionSummary['status'], string> = {
  generating: 'Being written',
  complete: 'Complete',
  incomplete: 'Incomplete',
  stopped: 'Stopped',
  interrupted: 'Incomplete',
};

/** A version's state in words (and an "edited" mark). */
export function VersionStatusTag({
  version,
}: {
  version: Pick<VersionSummary, 'status' | 'editedAt'>;
}) {
  return (
    <span className={`version-status version-status--${version.status}`}>
      {STATUS_TEXT[version.status]}
      {version.editedAt ? ', edited' : ''}
    </span>
  );
}

/** Why a saved version is incomplete, in the person's terms. */
export function ShortfallNote({
  version,
}: {
  version: Pick<VersionSummary, 'status' | 'failure'>;
}) {
  if (version.status === 'complete' || version.status === 'generating') return null;
  const shortfall = (
    version.status === 'interrupted' ? 'interrupted' : version.failure
  ) as Shortfall | null;
  return (
    <p className="shortfall-note">
      {version.status === 'stopped'
        ? 'You stopped this draft before it finished.'
        : `This draft is incomplete. ${shortfall ? shortfallCause(shortfall) : ''}`}
    </p>
  );
}
