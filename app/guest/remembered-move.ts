// The last one-step status move made in this page's life, kept in memory only: "Undo this move"
// puts the application back while nothing has changed it since (as the account's undo,
// applications/undo-move.server.ts). After a reload the move stands, and no page offers to undo
// it. A module of its own, so that the pages that say a move need not load what makes one.
import type { ExportedApplication } from '~/portability/format';

/** The application as it was before the move, when the move was made, and its history entry's id. */
export type LastMove = { before: ExportedApplication; at: string; change: string };

let last: LastMove | null = null;

export const rememberMove = (move: LastMove | null) => {
  last = move;
};

export const lastMove = () => last;
