// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DELETED_ELSEWHERE, saveGuestApplication } from '~/guest/actions';
import { GUEST_KEY } from '~/guest/storage';

function editForm(fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return new Request('http://localhost/guest/applications/x/edit', { method: 'POST', body });
}

describe('guest form actions', () => {
  it('an edit whose application was deleted in another tab is refused beside the form, values kept', async () => {
    localStorage.clear();
    const reply = await saveGuestApplication(
      editForm({ company: 'HMRC', role: 'Tax Officer', status: 'saved' }),
      crypto.randomUUID(),
    );
    expect(reply).toMatchObject({
      error: { '': [DELETED_ELSEWHERE] },
      initialValue: { company: 'HMRC', role: 'Tax Officer' },
    });
    expect(localStorage.getItem(GUEST_KEY)).toBeNull();
  });
});
