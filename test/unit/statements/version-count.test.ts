import { describe, expect, it } from 'vitest';
import { versionCount } from '~/statements/kinds';

describe('how many drafts a statement has, in words', () => {
  it('says a statement with none has no drafts yet, not "0 versions"', () => {
    expect(versionCount(0)).toBe('No drafts yet');
  });

  it('counts one version and many, the many grouped as the page writes numbers', () => {
    expect(versionCount(1)).toBe('1 version');
    expect(versionCount(3)).toBe('3 versions');
    expect(versionCount(1200)).toBe('1,200 versions');
  });
});
