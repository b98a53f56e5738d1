import { describe, expect, it } from 'vitest';
import { parseBuilder } from '~/statements/submission.server';

/** A cover letter's form with its own word limit typed as `typed`. */
function withOwnLimit(typed: string, wordLimit = 'custom', more: Record<string, string> = {}) {
  const form = new FormData();
  const fields = {
    kind: 'cover_letter',
    submissionKey: '0b6b2f8e-3d0c-4a8e-9d8b-2c6f1e9a7b11',
    jobTitle: 'Policy Officer',
    employer: 'Leeds City Council',
    whyRole: 'I want to shape housing policy in my home city.',
    experience: 'Two years drafting committee reports at Kirklees Council.',
    wordLimit,
    customWordLimit: typed,
    tone: 'professional',
    intent: 'generate',
    ...more,
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return parseBuilder(form);
}

describe('a word limit of the person’s own', () => {
  it.each([
    ['1,200', 1200],
    ['1200', 1200],
    [' 400 ', 400],
  ])('reads %j as %i words, as the page itself writes numbers', (typed, words) => {
    expect(withOwnLimit(typed).inputs?.wordLimit).toBe(words);
  });

  it.each([
    ['abc', 'Enter the word limit as a number, like 400'],
    ['12.5', 'Enter a whole number of words'],
    ['', 'Enter your word limit, or choose one from the list'],
  ])('refuses %j beside the field', (typed, message) => {
    const { submission } = withOwnLimit(typed);
    expect(submission.reply().error?.customWordLimit?.[0]).toBe(message);
  });

  it('is refused together with a field that is too long and one left empty, not one after another', () => {
    const { submission } = withOwnLimit('ten', 'custom', {
      whyRole: 'I care about patients. '.repeat(1000),
      experience: '',
    });
    expect(submission.reply().error).toMatchObject({
      whyRole: ['Why this role can be up to 4,000 characters'],
      customWordLimit: ['Enter the word limit as a number, like 400'],
      experience: ['Write about your relevant experience: the letter uses only what you write'],
    });
  });

  it('is ignored once a preset is chosen again, whatever was left in its box', () => {
    const { submission, inputs } = withOwnLimit('abc', '500');
    expect(submission.status).toBe('success');
    expect(inputs?.wordLimit).toBe(500);
  });
});
