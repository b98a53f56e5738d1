// A version's name as the pages show it, and a labelled choice among a statement's versions (the
// two halves of "compare these two", beside the builder's version list and on the compare page).
import type { VersionSummary } from './types';

/** "Version 3", or the name the person gave it. */
export const versionLabel = (v: { number: number; name: string | null }) =>
  v.name?.trim() || `Version ${v.number}`;

export function VersionSelect({
  id,
  name,
  label,
  versions,
  defaultId,
}: {
  id: string;
  name: string;
  label: string;
  versions: Array<Pick<VersionSummary, 'id' | 'number' | 'name'>>;
  defaultId: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultId}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {versionLabel(v)}
          </option>
        ))}
      </select>
    </div>
  );
}
