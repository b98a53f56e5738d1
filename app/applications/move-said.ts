// What a page says after "Undo this move", or after a status sent unchanged, wherever it was
// pressed. On their own, so that guest mode can say them without every page's notices
// (components/notice.tsx).

/** Said once "Undo this move" has worked. */
export const MOVE_UNDONE =
  'The move was undone: the status, date applied and follow-up date are as they were before it.';

/** Said when a status form sends the status the application already has (pressed twice, say). */
export const STATUS_UNCHANGED = 'Nothing was changed: the application already had that status.';
