// An export as a file download.
import { applicationsCsv } from './csv';
import type { ExportDocument } from './format';

const KINDS = ['json', 'csv'] as const;
export type ExportKind = (typeof KINDS)[number];

/** True for a download kind the account page offers. */
export function isExportKind(value: unknown): value is ExportKind {
  return KINDS.includes(value as ExportKind);
}

/** The document as a file named for today (jobtrack-2026-11-28.json), never cached. */
export function downloadResponse(kind: ExportKind, document: ExportDocument): Response {
  const day = document.exportedAt.slice(0, 10);
  const body =
    kind === 'json' ? JSON.stringify(document, null, 2) + '\n' : applicationsCsv(document);
  const name = kind === 'json' ? `jobtrack-${day}.json` : `jobtrack-applications-${day}.csv`;
  return new Response(body, {
    headers: {
      'Content-Type':
        kind === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
