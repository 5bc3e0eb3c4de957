import { graphqlClient } from '../../graphql/client';
import { conflictOf, hasErrorCode } from '../../graphql/errors';
import {
  ArchiveOfferDocument,
  CloseOfferDocument,
  PublishOfferDocument,
  type OfferMove,
  type OfferStatus,
  type VerificationStatus,
} from '../../graphql/offers';

export type OfferMoveOutcome =
  | { ok: true; status: OfferStatus; publishedAt: string | null; updatedAt: string }
  | {
      ok: false;
      /** `ENTERPRISE_NOT_VERIFIED`, `DEADLINE_PASSED`, `ILLEGAL` (another move is due), `FORBIDDEN`, `FAILED`. */
      reason: string;
      verificationStatus?: VerificationStatus;
      message?: string;
    };

/** What each status lets a recruiter do next (the offers subgraph's transitions). */
export function offerMoves(status: OfferStatus): OfferMove[] {
  switch (status) {
    case 'DRAFT':
      return ['publish', 'archive'];
    case 'PUBLISHED':
      return ['close'];
    case 'CLOSED':
      return ['archive'];
    default:
      return [];
  }
}

/** `publishOffer`, `closeOffer`, `archiveOffer` with their refusals sorted for the interface. */
export async function moveOffer(id: string, move: OfferMove): Promise<OfferMoveOutcome> {
  const client = graphqlClient.value;
  const result =
    move === 'publish'
      ? await client.mutation(PublishOfferDocument, { id }).toPromise().then((answer) => ({ data: answer.data?.publishOffer, error: answer.error }))
      : move === 'close'
        ? await client.mutation(CloseOfferDocument, { id }).toPromise().then((answer) => ({ data: answer.data?.closeOffer, error: answer.error }))
        : await client.mutation(ArchiveOfferDocument, { id }).toPromise().then((answer) => ({ data: answer.data?.archiveOffer, error: answer.error }));
  if (result.data) return { ok: true, status: result.data.status, publishedAt: result.data.publishedAt, updatedAt: result.data.updatedAt };
  const conflict = conflictOf(result.error);
  if (conflict) {
    const reason = typeof conflict.reason === 'string' ? conflict.reason : 'ILLEGAL';
    const verificationStatus = typeof conflict.verificationStatus === 'string' ? (conflict.verificationStatus as VerificationStatus) : undefined;
    return { ok: false, reason, verificationStatus, message: result.error?.graphQLErrors[0]?.message };
  }
  if (hasErrorCode(result.error, 'FORBIDDEN') || hasErrorCode(result.error, 'UNAUTHENTICATED')) return { ok: false, reason: 'FORBIDDEN' };
  return { ok: false, reason: 'FAILED' };
}
