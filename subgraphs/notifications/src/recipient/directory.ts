import type { EntityManager } from '@stages/platform';
import { Recipient } from './recipient.entity.js';

/** Accounts of an enterprise's recruiters (role ENTERPRISE), from the directory. */
export async function recruitersOf(em: EntityManager, enterpriseId: string): Promise<string[]> {
  const rows = await em.find(Recipient, { enterpriseId, roles: { $contains: ['ENTERPRISE'] } }, { fields: ['userId'], orderBy: { userId: 'asc' } });
  return rows.map((row) => row.userId);
}

/** Accounts of the platform's administrators (role SYSTEM_ADMIN), from the directory. */
export async function administrators(em: EntityManager): Promise<string[]> {
  const rows = await em.find(Recipient, { roles: { $contains: ['SYSTEM_ADMIN'] } }, { fields: ['userId'], orderBy: { userId: 'asc' } });
  return rows.map((row) => row.userId);
}

/** The account of a student profile, or null when the directory does not know it. */
export async function studentAccount(em: EntityManager, studentId: string): Promise<string | null> {
  const row = await em.findOne(Recipient, { studentId }, { fields: ['userId'] });
  return row?.userId ?? null;
}
