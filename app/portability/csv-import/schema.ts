// The CSV import's two forms: the upload, and the preview's mapping (posted back to look again, or
// to confirm). Shared by the route and its tests.
import { z } from 'zod';
import { CHOICE_OPTIONS, type ColumnChoice } from './columns';

/** The most rows (under the header) one import takes. */
export const MAX_ROWS = 5000;
/** The most columns a file may have: far more than any tracker exports. */
export const MAX_COLUMNS = 60;
/** The largest file an import takes, in bytes (as the JSON import). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

export const CHOOSE_CSV = 'Choose the CSV file to import';
export const CSV_TOO_LARGE =
  'That file is larger than 5 MB: JobTrack imports up to 5,000 rows at a time. Split it into smaller files. Nothing was imported.';
export const CSV_NOT_TEXT =
  'This file is not a CSV file: it holds data that is not text (save it from your spreadsheet as “CSV”). Nothing was imported.';
export const CHOOSE_AGAIN =
  'The preview could not be read back. Choose the file again. Nothing was imported.';

/** Step one: a file, not empty, no larger than MAX_CSV_BYTES. */
export const CsvUploadSchema = z.object({
  file: z
    .instanceof(File, { message: CHOOSE_CSV })
    .refine((file) => file.size > 0, CHOOSE_CSV)
    .refine((file) => file.size <= MAX_CSV_BYTES, CSV_TOO_LARGE),
});

const CHOICES = CHOICE_OPTIONS.map((o) => o.value) as [ColumnChoice, ...ColumnChoice[]];

/**
 * Step two, from the preview: the file's text as it was uploaded (a hidden field), the column each
 * field comes from, and how its dates are written.
 */
export const CsvMappingSchema = z.object({
  csv: z.string().min(1),
  fileName: z.string().max(255).default('your file'),
  dateOrder: z.enum(['dmy', 'mdy']),
  columns: z.array(z.enum(CHOICES)).min(1).max(MAX_COLUMNS),
  // The mapping the preview on screen was made with (see previewedAs): "Add" confirms only that.
  previewed: z.string().max(2000).optional(),
});

export type CsvMapping = z.infer<typeof CsvMappingSchema>;

/** The mapping form's fields as the server reads them (columns[0], columns[1]…). */
export function mappingFields(formData: FormData) {
  const columns: string[] = [];
  for (const [name, value] of formData) {
    const m = /^columns\[(\d+)\]$/.exec(name);
    if (m && typeof value === 'string') columns[Number(m[1])] = value;
  }
  return {
    csv: formData.get('csv'),
    fileName: formData.get('fileName') ?? undefined,
    dateOrder: formData.get('dateOrder'),
    previewed: formData.get('previewed') ?? undefined,
    // A gap (columns[3] missing) stays a gap, which the schema refuses.
    columns: Array.from(columns),
  };
}

/** The mapping as one text, kept in the preview's form to tell whether it changed before "Add". */
export function previewedAs(columns: readonly string[], dateOrder: string): string {
  return `${columns.join(',')}|${dateOrder}`;
}

/** Names of the steps' buttons (`intent`). */
export const CSV_PREVIEW = 'preview';
export const CSV_REMAP = 'remap';
export const CSV_CONFIRM = 'confirm';
