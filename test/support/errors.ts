/** Matches an error whose message, or any cause's (Drizzle wraps driver errors), fits `pattern`. */
export function causedBy(pattern: RegExp) {
  return (error: unknown) => {
    for (let e = error; e; e = (e as { cause?: unknown }).cause) {
      if (e instanceof Error && pattern.test(e.message)) return true;
    }
    return false;
  };
}
