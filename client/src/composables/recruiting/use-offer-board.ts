import { shallowRef } from 'vue';
import type { ApplicationStatus, ApplicationStatusUpdate } from '../../graphql/applications';
import { graphqlClient } from '../../graphql/client';
import { fieldErrors, hasErrorCode } from '../../graphql/errors';
import {
  AddToShortlistDocument,
  CreateShortlistDocument,
  EvaluateApplicationDocument,
  OfferBoardDocument,
  RemoveFromShortlistDocument,
  type BoardApplication,
  type EvaluationScore,
  type OfferBoardQuery,
  type ShortlistSummary,
} from '../../graphql/recruiting';

/** The board's columns, in the order of the process; refused and withdrawn applications share a closed one. */
export const boardColumns: readonly ApplicationStatus[] = ['SUBMITTED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED', 'ACCEPTED'];
export const closedStatuses: readonly ApplicationStatus[] = ['REJECTED', 'WITHDRAWN'];

export type BoardState = 'loading' | 'ready' | 'forbidden' | 'not-found' | 'error';
type BoardOffer = NonNullable<OfferBoardQuery['offer']>;

/** Pages of 100: an offer rarely has more, and the board shows every applicant. */
const pageSize = 100;
const maxPages = 10;

/**
 * One offer's applicants for its pipeline board, the enterprise's shortlists for it, and the recruiter's
 * actions on them (evaluate, add to and remove from a shortlist, create one). Status moves go through
 * `useApplicationMoves`; their answers and live pushes come back through `applyStatus`.
 */
export function useOfferBoard() {
  const state = shallowRef<BoardState>('loading');
  const offer = shallowRef<Omit<BoardOffer, 'applications'> | null>(null);
  const applications = shallowRef<BoardApplication[]>([]);
  const shortlists = shallowRef<ShortlistSummary[]>([]);
  const partial = shallowRef(false);

  async function load(offerId: string): Promise<void> {
    let after: string | null = null;
    const rows: BoardApplication[] = [];
    for (let page = 0; page < maxPages; page += 1) {
      const result: { data?: OfferBoardQuery; error?: import('@urql/vue').CombinedError } = await graphqlClient.value
        .query(OfferBoardDocument, { offerId, first: pageSize, after }, { requestPolicy: 'network-only' })
        .toPromise();
      if (hasErrorCode(result.error, 'FORBIDDEN') || hasErrorCode(result.error, 'UNAUTHENTICATED')) {
        state.value = 'forbidden';
        return;
      }
      const data: OfferBoardQuery['offer'] | undefined = result.data?.offer;
      if (!data) {
        state.value = hasErrorCode(result.error, 'NOT_FOUND') || hasErrorCode(result.error, 'BAD_USER_INPUT') ? 'not-found' : 'error';
        return;
      }
      if (page === 0) {
        const { applications: _ignored, ...rest } = data;
        offer.value = rest;
        shortlists.value = result.data?.shortlists?.edges.map((edge) => edge.node) ?? [];
        partial.value = result.error !== undefined;
      }
      rows.push(...data.applications.edges.map((edge) => edge.node));
      if (!data.applications.pageInfo.hasNextPage) break;
      after = data.applications.pageInfo.endCursor;
    }
    applications.value = rows;
    state.value = 'ready';
  }

  /** A status change (answer to a move made here, or pushed live); older news than the card's is ignored. */
  function applyStatus(update: ApplicationStatusUpdate): BoardApplication | null {
    const card = applications.value.find((candidate) => candidate.id === update.id);
    if (!card || Date.parse(update.updatedAt) < Date.parse(card.updatedAt)) return null;
    const next = { ...card, status: update.status, updatedAt: update.updatedAt, history: update.history };
    applications.value = applications.value.map((candidate) => (candidate.id === update.id ? next : candidate));
    return card.status === update.status ? null : next;
  }

  async function evaluate(
    applicationId: string,
    scores: EvaluationScore[],
    comment: string | null,
  ): Promise<{ ok: true } | { ok: false; field: string | null; message: string | null }> {
    const result = await graphqlClient.value
      .mutation(EvaluateApplicationDocument, { applicationId, input: { scores, comment } })
      .toPromise();
    const evaluation = result.data?.evaluateApplication;
    if (evaluation) {
      applications.value = applications.value.map((card) =>
        card.id === applicationId
          ? { ...card, averageScore: evaluation.application.averageScore, evaluations: evaluation.application.evaluations }
          : card,
      );
      return { ok: true };
    }
    const fields = fieldErrors(result.error);
    const field = Object.keys(fields)[0] ?? null;
    return { ok: false, field, message: field ? (fields[field] ?? null) : null };
  }

  function replaceShortlist(shortlist: ShortlistSummary): void {
    const known = shortlists.value.some((candidate) => candidate.id === shortlist.id);
    shortlists.value = known
      ? shortlists.value.map((candidate) => (candidate.id === shortlist.id ? shortlist : candidate))
      : [...shortlists.value, shortlist];
  }

  async function createShortlist(name: string): Promise<{ ok: true; shortlist: ShortlistSummary } | { ok: false; reason: 'conflict' | 'invalid' | 'failed' }> {
    const result = await graphqlClient.value.mutation(CreateShortlistDocument, { name, offerId: offer.value?.id ?? null }).toPromise();
    const shortlist = result.data?.createShortlist;
    if (shortlist) {
      replaceShortlist(shortlist);
      return { ok: true, shortlist };
    }
    if (hasErrorCode(result.error, 'CONFLICT')) return { ok: false, reason: 'conflict' };
    if (hasErrorCode(result.error, 'BAD_USER_INPUT')) return { ok: false, reason: 'invalid' };
    return { ok: false, reason: 'failed' };
  }

  async function addToShortlist(shortlistId: string, applicationId: string): Promise<boolean> {
    const result = await graphqlClient.value.mutation(AddToShortlistDocument, { shortlistId, applicationId }).toPromise();
    if (result.data?.addToShortlist) replaceShortlist(result.data.addToShortlist);
    return Boolean(result.data?.addToShortlist);
  }

  async function removeFromShortlist(shortlistId: string, applicationId: string): Promise<boolean> {
    const result = await graphqlClient.value.mutation(RemoveFromShortlistDocument, { shortlistId, applicationId }).toPromise();
    if (result.data?.removeFromShortlist) replaceShortlist(result.data.removeFromShortlist);
    return Boolean(result.data?.removeFromShortlist);
  }

  return {
    state,
    offer,
    applications,
    shortlists,
    partial,
    load,
    applyStatus,
    evaluate,
    createShortlist,
    addToShortlist,
    removeFromShortlist,
  };
}
