import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/cloudflare';
import { Link, useLoaderData } from '@remix-run/react';
import { isUuid } from '~/http/uuid';
import { notFound, requireUuid } from '~/http/not-found.server';
import { requireUserClaim } from '~/auth/current-user.server';
import { changeCounts, diffWords, type Part } from '~/statements/diff';
import { KIND_INFO, limitedSections } from '~/statements/kinds';
import { getStatement } from '~/statements/queries.server';
import styles from '~/statements/statements.css?url';
import type { VersionSummary } from '~/statements/types';
import { VersionSelect, versionLabel } from '~/statements/version-label';
import { wordReport } from '~/statements/words';
import { WordCount } from '~/statements/word-count';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = () => [{ title: 'Compare versions · JobTrack' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const statementId = requireUuid(params.id);
  const user = await requireUserClaim(request, context);
  const search = new URL(request.url).searchParams;
  const asked = (name: 'a' | 'b') => {
    const id = search.get(name);
    // A malformed id names no version: the same 404 as another person's.
    if (id !== null && !isUuid(id)) throw notFound();
    return id;
  };
  const found = await getStatement(context, user, statementId, {
    compare: { a: asked('a'), b: asked('b') },
  });
  if (!found) throw notFound();
  const { versions, texts, statement } = found;
  const pick = (id: string | null) => {
    if (id === null) return null;
    const v = versions.find((x) => x.id === id);
    // A version of another statement, another person's, or a deleted one: not here.
    if (!v) throw notFound();
    return v;
  };
  // By default: the newest version against the one before it.
  const newest = pick(search.get('b')) ?? versions[versions.length - 1] ?? null;
  const index = newest ? versions.indexOf(newest) : -1;
  const chosen = pick(search.get('a')) ?? (index > 0 ? versions[index - 1]! : null);
  // The page calls them Older and Newer: two chosen the other way round are put in that order.
  const [a, b] =
    chosen && newest && chosen.number > newest.number ? [newest, chosen] : [chosen, newest];
  // The query read exactly these two texts; one missing was deleted in between: gone, as above.
  const textOf = (v: VersionSummary) => {
    const text = texts[v.id];
    if (text === undefined) throw notFound();
    return text;
  };
  const parts = a && b ? diffWords(textOf(a), textOf(b)) : [];
  const reportOf = (v: VersionSummary) =>
    wordReport(textOf(v), v.wordLimit, limitedSections(statement.kind));
  return {
    statementId,
    kind: statement.kind,
    title: [statement.inputs.jobTitle, statement.inputs.employer].filter(Boolean).join(' at '),
    versions: versions.map((v) => ({ id: v.id, number: v.number, name: v.name })),
    a: a && { ...a, report: reportOf(a) },
    b: b && { ...b, report: reportOf(b) },
    parts,
    counts: changeCounts(parts),
  };
}

function Side({ parts, side }: { parts: Part[]; side: 'before' | 'after' }) {
  return (
    <div className="draft-text compare-text">
      {parts.map((p, i) => {
        if (p.type === 'same') return <span key={i}>{side === 'before' ? p.was : p.text}</span>;
        if (side === 'before' && p.type === 'removed') return <del key={i}>{p.text}</del>;
        if (side === 'after' && p.type === 'added') return <ins key={i}>{p.text}</ins>;
        return null;
      })}
    </div>
  );
}

export default function Compare() {
  const { statementId, kind, title, versions, a, b, parts, counts } =
    useLoaderData<typeof loader>();
  return (
    <div className="page page--wide">
      <p className="muted breadcrumb">
        <Link to="/statements">Statement Builder</Link> ·{' '}
        <Link to={`/statements/${statementId}`}>
          {KIND_INFO[kind].short}
          {title ? `: ${title}` : ''}
        </Link>
      </p>
      <h1>Compare versions</h1>
      {versions.length < 2 ? (
        <p>
          There is only one version so far. Generate again, or edit a copy, to have two to compare.
        </p>
      ) : (
        <form method="get" className="compare-form card">
          <div className="form-grid">
            <VersionSelect id="a" name="a" label="Older" versions={versions} defaultId={a?.id} />
            <VersionSelect id="b" name="b" label="Newer" versions={versions} defaultId={b?.id} />
          </div>
          <button type="submit" className="button--secondary">
            Compare
          </button>
        </form>
      )}
      {a && b ? (
        <>
          <p className="compare-summary" role="status">
            {a.id === b.id
              ? 'These are the same version.'
              : `${counts.removed.toLocaleString('en-GB')} words only in ${versionLabel(a)} (struck through), ${counts.added.toLocaleString('en-GB')} only in ${versionLabel(b)} (underlined).`}
          </p>
          <div className="compare">
            <section aria-labelledby="compare-a">
              <h2 id="compare-a">{versionLabel(a)}</h2>
              <WordCount report={a.report} />
              <Side parts={parts} side="before" />
            </section>
            <section aria-labelledby="compare-b">
              <h2 id="compare-b">{versionLabel(b)}</h2>
              <WordCount report={b.report} />
              <Side parts={parts} side="after" />
            </section>
          </div>
        </>
      ) : null}
    </div>
  );
}
