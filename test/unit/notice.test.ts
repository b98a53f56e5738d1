import { describe, expect, it } from 'vitest';
import { noticeFor, withNotice } from '~/components/notice';

const at = (search: string) => new Request(`http://localhost/somewhere${search}`);

describe('notices after a redirect', () => {
  it('add their key to the path they redirect to', () => {
    expect(withNotice('/applications', 'deleted')).toBe('/applications?notice=deleted');
    expect(withNotice('/applications?status=offer', 'deleted')).toBe(
      '/applications?status=offer&notice=deleted',
    );
  });

  it('show fixed text for a key the page accepts', () => {
    expect(noticeFor(at('?notice=deleted'), ['deleted'])).toBe('The application has been deleted.');
  });

  it('show nothing for another page’s key, an unknown key, or none', () => {
    expect(noticeFor(at('?notice=password-changed'), ['deleted'])).toBeNull();
    expect(noticeFor(at('?notice=%3Cscript%3Ealert(1)%3C/script%3E'), ['deleted'])).toBeNull();
    expect(noticeFor(at('?notice=toString'), ['deleted'])).toBeNull();
    expect(noticeFor(at(''), ['deleted'])).toBeNull();
  });

  it('refuse a misspelt key at compile time', () => {
    // @ts-expect-error: 'delted' is not a notice; `npm run typecheck` fails if this line compiles.
    expect(withNotice('/applications', 'delted')).toBe('/applications?notice=delted');
    // @ts-expect-error: the same holds for the keys a page accepts.
    expect(noticeFor(at('?notice=x'), ['password-chnaged'])).toBeNull();
  });
});
