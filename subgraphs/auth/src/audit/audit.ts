import { createHash } from 'node:crypto';
import type { EntityManager } from '@stages/platform';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  action: string;
  userId?: string | null;
  actorId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** A pseudonymous reference to an e-mail address that may belong to no account (audit of failed sign-ins). */
export const emailDigest = (email: string): string => createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16);

/** Writes an audit event now, outside any transaction of the caller, so a failure is recorded even when the request fails. */
export async function audit(em: EntityManager, entry: AuditEntry): Promise<void> {
  await em.fork().insert(AuditEvent, {
    id: new AuditEvent().id,
    occurredAt: new Date(),
    action: entry.action,
    userId: entry.userId ?? null,
    actorId: entry.actorId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}
