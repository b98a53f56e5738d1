// The CSV import's two forms: the upload, and the preview's mapping (posted back to look again, or
// to confirm). Shared by the route and its tests.
import { z } from 'zod';
import { CHOICE_OPTIONS, type ColumnChoice } from './columns';
import { CHOOSE_CSV, CSV_EMPTY, CSV_TOO_LARGE, MAX_COLUMNS, MAX_CSV_BYTES } from './steps';

export * from './steps';

/** Step one: a file, not empty, no larger than MAX_CSV_BYTES. */
export const CsvUploadSchema = z.object({
  file: z
    .instanceof(File, { message: CHOOSE_CSV })
    .refine((file) => file.size > 0, CSV_EMPTY)
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
