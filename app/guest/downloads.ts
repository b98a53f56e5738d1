// Files made in the browser from a guest's data and handed straight to the person: nothing is
// uploaded to make them.
import type { ExportDocument } from '~/portability/format';
import { todayInLondon } from '~/applications/dates';

/** Offers `text` as a file download named `name`. */
export function downloadText(text: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers start the download after this task; give them a moment before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The guest's data as a JobTrack export file (the account's import reads it). */
export function exportJson(document: ExportDocument) {
  const file = { ...document, exportedAt: new Date().toISOString() };
  downloadText(
    JSON.stringify(file, null, 2),
    `jobtrack-guest-${todayInLondon()}.json`,
    'application/json',
  );
}

/** The guest's applications as a spreadsheet (the CSV writer loads on the first export). */
export async function exportCsv(document: ExportDocument) {
  const { applicationsCsv } = await import('~/portability/csv');
  downloadText(applicationsCsv(document), `jobtrack-guest-${todayInLondon()}.csv`, 'text/csv');
}
