// A guest's data may be larger than one import takes (MAX_IMPORT_BYTES): the move then sends it
// as several documents of whole applications, each under the limit, each its own preview and
// confirmation. Each is an import like any other, so one sent twice adds nothing the second time
// (decision 024), and a move stopped part way is finished by moving again.
import type { ExportDocument } from '~/portability/format';
import type { ImportPlan } from '~/portability/import.server';
import { MAX_IMPORT_BYTES, SAMPLE_SIZE } from '~/portability/import-steps';

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * The guest's document as the texts the move sends: one when it fits under `maxBytes`, else as
 * many as it needs, each holding whole applications (an application's dates stay with it).
 */
export function moveBatches(
  document: ExportDocument,
  maxBytes: number = MAX_IMPORT_BYTES,
  exportedAt = new Date().toISOString(),
): string[] {
  const text = (applications: ExportDocument['applications']) =>
    JSON.stringify({ ...document, exportedAt, applications });
  const whole = text(document.applications);
  if (bytes(whole) <= maxBytes) return [whole];
  // The room for applications once the document around them is counted.
  const room = maxBytes - bytes(text([]));
  const out: string[] = [];
  let batch: ExportDocument['applications'] = [];
  let used = 0;
  for (const a of document.applications) {
    const size = bytes(JSON.stringify(a));
    // Each application after a batch's first comes with a comma.
    if (batch.length > 0 && used + 1 + size > room) {
      out.push(text(batch));
      [batch, used] = [[], 0];
    }
    used += (batch.length > 0 ? 1 : 0) + size;
    batch.push(a);
  }
  if (batch.length > 0) out.push(text(batch));
  return out;
}

/** The previews of a move's batches as one: what the whole move adds and skips. */
export function combinePlans(plans: ImportPlan[]): ImportPlan {
  const sum = (pick: (p: ImportPlan) => number) => plans.reduce((n, p) => n + pick(p), 0);
  return {
    applications: {
      add: sum((p) => p.applications.add),
      skip: sum((p) => p.applications.skip),
      // Each part's preview counted the same account.
      accountHolds: Math.max(0, ...plans.map((p) => p.applications.accountHolds)),
    },
    statements: { add: sum((p) => p.statements.add), skip: sum((p) => p.statements.skip) },
    versions: sum((p) => p.versions),
    events: {
      add: sum((p) => p.events.add),
      skip: sum((p) => p.events.skip),
      full: sum((p) => p.events.full),
    },
    sample: plans.flatMap((p) => p.sample).slice(0, SAMPLE_SIZE),
    lookalikes: sum((p) => p.lookalikes),
  };
}
