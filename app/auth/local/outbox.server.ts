import type { AppLoadContext } from '@remix-run/cloudflare';
import { desc, eq, lt } from 'drizzle-orm';
import { devOutbox } from '#db/schema';
import { asServer, type Tx } from '~/db.server';
import { isLocalDevelopment } from '~/http/security.server';

/** An email as the local adapter "sends" it. */
export type Email = { to: string; subject: string; body: string };

/** How long the outbox keeps an email: long enough to follow a link, no longer. */
export const OUTBOX_HOURS = 24;

/** Thrown when local mode is asked to send an email anywhere but plain-http localhost. */
export class NoEmailDeliveryError extends Error {
  constructor() {
    super(
      'This deployment has no email delivery configured: local mode only writes emails to the dev ' +
        'outbox, which exists only on plain-http localhost.',
    );
    this.name = 'NoEmailDeliveryError';
  }
}

/**
 * Local mode's stand-in for an email service, on the developer's own machine only: the message
 * goes to the dev outbox table (shown at /dev/outbox) and to the console. Anywhere else it would
 * put live sign-in links in logs and tables, so it refuses (the Worker answers such hosts with a
 * 503 before any of this runs; see app/http/local-mode.server.ts).
 */
export async function deliver(context: AppLoadContext, request: Request, email: Email) {
  if (context.config.authMode !== 'local' || !isLocalDevelopment(request)) {
    throw new NoEmailDeliveryError();
  }
  await asServer(context, async (tx) => {
    await tx.insert(devOutbox).values(email);
    const cutoff = new Date(Date.now() - OUTBOX_HOURS * 60 * 60 * 1000);
    await tx.delete(devOutbox).where(lt(devOutbox.createdAt, cutoff));
  });
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
