// Stock phrases: the prompt forbids them, and the page flags any that slip through anyway.

/** Phrases that make sifting panels stop reading; the model is told to avoid every one. */
export const STOCK_PHRASES = [
  'I am passionate about',
  'I am writing to apply',
  'results-driven',
  'team player',
  'proven track record',
  'hit the ground running',
  'think outside the box',
  'go above and beyond',
  'wealth of experience',
  'self-starter',
  'detail-oriented',
  'dynamic individual',
  'fast-paced environment',
  'synergy',
  'I believe I would be a great fit',
  'I would be an asset',
  'excellent communication skills',
  'works well under pressure',
  'perfect candidate',
  'dream job',
] as const;

/** The stock phrases that made it into a draft anyway, for a gentle flag beside it. */
export function stockPhrasesIn(draft: string): string[] {
  const lower = draft.toLowerCase();
  return STOCK_PHRASES.filter((p) => lower.includes(p.toLowerCase()));
}
