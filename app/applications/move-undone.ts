/**
 * Said once "Undo this move" has worked, wherever it was pressed. On its own, so that guest mode
 * can say it without every page's notices (components/notice.tsx).
 */
export const MOVE_UNDONE =
  'The move was undone: the status, date applied and follow-up date are as they were before it.';
