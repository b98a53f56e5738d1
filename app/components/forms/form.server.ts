// PostgreSQL refuses NUL in text, and it slips in with text pasted from some PDFs and word
// processors; it is never meaningful in a form, so it is dropped before validation.
const NUL = '\0';

/**
 * The request's form fields with NUL characters removed. A body that cannot be read as a form
 * (a malformed multipart upload, say) answers 400 instead of crashing the action.
 */
export async function readForm(request: Request): Promise<FormData> {
  let raw: FormData;
  try {
    raw = await request.formData();
  } catch {
    throw new Response('That form could not be read. Please go back and send it again.', {
      status: 400,
    });
  }
  const clean = new FormData();
  for (const [name, value] of raw) {
    clean.append(name, typeof value === 'string' ? value.replaceAll(NUL, '') : value);
  }
  return clean;
}
