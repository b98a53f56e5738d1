// The import form's schema, shared by the browser (Conform) and the server.
import { z } from 'zod';
import { CHOOSE_FILE, FILE_EMPTY, FILE_TOO_LARGE, MAX_IMPORT_BYTES } from './import-steps';

export * from './import-steps';

/** Step one, the upload: a file, not empty, no larger than MAX_IMPORT_BYTES. */
export const ImportUploadSchema = z.object({
  file: z
    .instanceof(File, { message: CHOOSE_FILE })
    .refine((file) => file.size > 0, FILE_EMPTY)
    .refine((file) => file.size <= MAX_IMPORT_BYTES, FILE_TOO_LARGE),
});
