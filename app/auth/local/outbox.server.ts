import type { AppLoadContext } from '@remix-run/cloudflare';
import { desc, eq } from 'drizzle-orm';
import { devOutbox } from '#db/schema';
import { asServer, type Tx } from '~/db.server';

/** An email as the local adapter "sends" it. */
export type Email = { to: string; subject: string; body: string };

/**
 * Local mode's stand-in for an email service: the message goes to the dev outbox table (shown at
 * /dev/outbox) and to the console, where a developer running `npm start` sees it at once.
 */
export async function deliver(context: AppLoadContext, email: Email) {
  await asServer(context, (tx) => tx.insert(devOutbox).values(email));
  console.info(`\n[dev outbox] To: ${email.to}\nSubject: ${email.subject}\n\n${email.body}\n`);
}

/** The newest emails first, for /dev/outbox. */
export function listOutbox(context: AppLoadContext, limit = 50) {
  return asServer(context, (tx) =>
    tx.select().from(devOutbox).orderBy(desc(devOutbox.createdAt)).limit(limit),
  );
}

/** Removes every outbox email to this address (part of deleting the account). */
export async function forgetOutbox(tx: Tx, to: string) {
  await tx.delete(devOutbox).where(eq(devOutbox.to, to));
}
