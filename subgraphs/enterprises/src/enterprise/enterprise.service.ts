import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { authorize, badUserInput, conflict, loadByIdOrThrow, type EntityManager } from '@stages/platform';
import type { EnterprisesContext } from '../context.js';
import { EnterpriseAddress } from './enterprise-address.entity.js';
import { EnterpriseContact } from './enterprise-contact.entity.js';
import { VerificationStatus, type Enterprise } from './enterprise.entity.js';
import type { UpdateEnterpriseProfileInput } from './enterprise.inputs.js';
import { canEditEnterprise, verificationActors } from './enterprise.policy.js';
import { isVerificationTransition, maySetVerificationStatus, nextVerificationStatuses, statusAfterSiretChange } from './enterprise.transitions.js';
import { parseProfileInput, type AddressChange, type ContactChange } from './enterprise.validation.js';

export const VERIFICATION_NOTE_MAX_LENGTH = 1000;

/** Flushes a change of an enterprise, turning the races it can lose into CONFLICTs. */
async function flushEnterprise(ctx: EnterprisesContext): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    // Someone else changed it between our read and our write: nothing of ours was committed.
    if (error instanceof OptimisticLockError) throw conflict('This enterprise has just changed: reload it and try again.');
    if (error instanceof UniqueConstraintViolationException && /siret/.test(error.message)) {
      throw conflict('Another enterprise on Stages has this SIRET: its recruiters can let you join it instead.', { field: 'siret' });
    }
    throw error;
  }
}

/**
 * Makes an enterprise's addresses (or contacts) the given list: items with an id update that row, items without
 * one are added, rows not listed are removed. An id that is not one of the enterprise's is BAD_USER_INPUT.
 */
async function replaceRows<T extends EnterpriseAddress | EnterpriseContact>(
  em: EntityManager,
  entity: new () => T,
  enterpriseId: string,
  changes: ReadonlyArray<AddressChange | ContactChange>,
  field: 'addresses' | 'contacts',
): Promise<void> {
  const rows = (await em.find(entity as never, { enterpriseId } as never)) as unknown as T[];
  const existing = new Map(rows.map((row) => [row.id, row]));
  const kept = new Set<string>();
  changes.forEach(({ id, ...values }, index) => {
    if (id === null) {
      em.persist(em.create(entity as never, { ...values, enterpriseId } as never));
      return;
    }
    const row = existing.get(id);
    if (!row) throw badUserInput(`${field}[${index}].id`, `${field}[${index}].id is not one of this enterprise’s ${field}.`);
    em.assign(row as never, values as never);
    kept.add(id);
  });
  for (const [id, row] of existing) if (!kept.has(id)) em.remove(row);
}

/**
 * Changes an enterprise's profile for its recruiters or a system administrator. A new SIRET makes a verified
 * enterprise PENDING again: it is no longer the establishment that was checked.
 */
export async function updateEnterpriseProfile(ctx: EnterprisesContext, id: string, input: UpdateEnterpriseProfileInput): Promise<Enterprise> {
  const enterprise = await loadByIdOrThrow(ctx.loaders.enterpriseById, 'Enterprise', id);
  authorize(ctx.viewer, canEditEnterprise(ctx.viewer, enterprise.id), 'Only the enterprise’s recruiters and system administrators edit its profile.');
  const { addresses, contacts, ...fields } = parseProfileInput(input);
  if (fields.siret !== undefined && fields.siret !== enterprise.siret) {
    const before = enterprise.verificationStatus;
    enterprise.verificationStatus = statusAfterSiretChange(before);
    // Offers stop letting it publish: told in the same transaction as the change.
    if (before === VerificationStatus.VERIFIED && enterprise.verificationStatus !== before) {
      ctx.emit({ type: 'enterprise.verification-reset', subject: enterprise.id, data: { enterpriseId: enterprise.id, changedBy: ctx.viewer!.subject, reason: 'SIRET_CHANGED' } });
    }
  }
  ctx.em.assign(enterprise, fields);
  // Always dirty, so the version guards the lists too: two changes made at once cannot mix their addresses.
  enterprise.updatedAt = new Date();
  if (addresses) await replaceRows(ctx.em, EnterpriseAddress, enterprise.id, addresses, 'addresses');
  if (contacts) await replaceRows(ctx.em, EnterpriseContact, enterprise.id, contacts, 'contacts');
  await flushEnterprise(ctx);
  return enterprise;
}

const WHO_MAY: Record<Exclude<VerificationStatus, VerificationStatus.PENDING>, string> = {
  SUBMITTED: 'Only the enterprise’s recruiters ask for its verification.',
  VERIFIED: 'Only system administrators verify an enterprise.',
  REJECTED: 'Only system administrators reject an enterprise’s verification.',
};

/**
 * Moves an enterprise's verification to `to` for the caller: the move must be one the caller may make and the
 * workflow allows from the current status. `apply` records what goes with it and queues its event, committed in
 * the same transaction as the new status.
 */
async function moveVerification(
  ctx: EnterprisesContext,
  id: string,
  to: Exclude<VerificationStatus, VerificationStatus.PENDING>,
  apply: (enterprise: Enterprise, actorUserId: string) => Promise<void> | void,
  validate: () => void = () => undefined,
): Promise<Enterprise> {
  const enterprise = await loadByIdOrThrow(ctx.loaders.enterpriseById, 'Enterprise', id);
  const actors = verificationActors(ctx.viewer, enterprise.id);
  authorize(ctx.viewer, maySetVerificationStatus(actors, to), WHO_MAY[to]);
  validate();
  const from = enterprise.verificationStatus;
  if (!isVerificationTransition(from, to)) {
    const allowed = nextVerificationStatuses(from, actors);
    throw conflict(`This enterprise is ${from}: it cannot move to ${to}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`, { status: from, allowed });
  }
  await apply(enterprise, ctx.viewer!.subject);
  enterprise.verificationStatus = to;
  await flushEnterprise(ctx);
  return enterprise;
}

/** A recruiter submits the enterprise (PENDING or REJECTED) to the system administrators, with its head office address. */
export const requestEnterpriseVerification = (ctx: EnterprisesContext, id: string) =>
  moveVerification(ctx, id, VerificationStatus.SUBMITTED, async (enterprise, requestedBy) => {
    const headOffice = await ctx.em.count(EnterpriseAddress, { enterpriseId: enterprise.id, isHeadOffice: true });
    if (headOffice === 0) {
      throw conflict('Add the head office address to the profile (updateEnterpriseProfile) before asking for verification.', { status: enterprise.verificationStatus, missing: ['addresses'] });
    }
    enterprise.verificationRequestedAt = new Date();
    ctx.emit({ type: 'enterprise.verification-requested', subject: enterprise.id, data: { enterpriseId: enterprise.id, requestedBy } });
  });

/** A system administrator verifies a submitted enterprise: it may publish offers (the offers subgraph hears it). */
export const verifyEnterprise = (ctx: EnterprisesContext, id: string) =>
  moveVerification(ctx, id, VerificationStatus.VERIFIED, (enterprise, decidedBy) => {
    enterprise.verificationNote = null;
    enterprise.verificationDecidedAt = new Date();
    enterprise.verificationDecidedBy = decidedBy;
    ctx.emit({ type: 'enterprise.verified', subject: enterprise.id, data: { enterpriseId: enterprise.id, decidedBy } });
  });

/** The reason as stored: trimmed; BAD_USER_INPUT when blank or past 1000 characters. */
export function parseVerificationNote(reason: string | null | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length < 1 || trimmed.length > VERIFICATION_NOTE_MAX_LENGTH) {
    throw badUserInput('reason', `reason must have between 1 and ${VERIFICATION_NOTE_MAX_LENGTH} characters: say what the enterprise should fix.`);
  }
  return trimmed;
}

/** A system administrator rejects a submitted enterprise, saying why (kept as `verificationNote`, told to its recruiters). */
export function rejectEnterprise(ctx: EnterprisesContext, id: string, reason: string): Promise<Enterprise> {
  let note = '';
  return moveVerification(
    ctx,
    id,
    VerificationStatus.REJECTED,
    (enterprise, decidedBy) => {
      enterprise.verificationNote = note;
      enterprise.verificationDecidedAt = new Date();
      enterprise.verificationDecidedBy = decidedBy;
      ctx.emit({ type: 'enterprise.rejected', subject: enterprise.id, data: { enterpriseId: enterprise.id, decidedBy, reason: note } });
    },
    () => {
      note = parseVerificationNote(reason);
    },
  );
}
