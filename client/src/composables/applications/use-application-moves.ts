import type { CombinedError } from '@urql/vue';
import { graphqlClient } from '../../graphql/client';
import {
  ChangeApplicationStatusDocument,
  WithdrawApplicationDocument,
  type ApplicationStatus,
  type ApplicationStatusUpdate,
} from '../../graphql/applications';
import type { Role } from '../../graphql/auth';
import { hasErrorCode } from '../../graphql/errors';

// The applications subgraph's process, for offering only the moves it would accept: linear, with a refusal
// possible at every open step. The server decides; a CONFLICT answer carries the moves it allows now.
const next: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  SUBMITTED: ['SHORTLISTED', 'REJECTED', 'WITHDRAWN'],
  SHORTLISTED: ['INTERVIEW', 'REJECTED', 'WITHDRAWN'],
  INTERVIEW: ['OFFERED', 'REJECTED', 'WITHDRAWN'],
  OFFERED: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'],
  ACCEPTED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/** The statuses an enterprise's recruiters set. */
const recruiterTargets: readonly ApplicationStatus[] = ['SHORTLISTED', 'INTERVIEW', 'OFFERED', 'REJECTED'];

const applicationStatuses: readonly ApplicationStatus[] = [
  'SUBMITTED',
  'SHORTLISTED',
  'INTERVIEW',
  'OFFERED',
  'ACCEPTED',
  'REJECTED',
  'WITHDRAWN',
];

/** The moves `changeApplicationStatus` offers to these roles from `status`, in the order of the process. */
export function statusMoves(status: ApplicationStatus, roles: readonly Role[]): ApplicationStatus[] {
  if (roles.includes('SYSTEM_ADMIN')) return [...next[status]];
  if (roles.includes('ENTERPRISE')) return next[status].filter((target) => recruiterTargets.includes(target));
  return [];
}

/** Whether the student may still withdraw an application in this status. */
export function mayWithdraw(status: ApplicationStatus): boolean {
  return next[status].includes('WITHDRAWN');
}

export type MoveOutcome =
  | { ok: true; application: ApplicationStatusUpdate }
  /** The move is not possible (any more): `allowed` are the moves the server allows now, when it said. */
  | { ok: false; reason: 'conflict'; allowed: ApplicationStatus[] | null }
  | { ok: false; reason: 'forbidden' | 'invalid' | 'failed' };

function allowedMoves(error: CombinedError | undefined): ApplicationStatus[] | null {
  const allowed = error?.graphQLErrors.find((item) => item.extensions?.code === 'CONFLICT')?.extensions?.allowed;
  if (!Array.isArray(allowed)) return null;
  return allowed.filter((value): value is ApplicationStatus =>
    applicationStatuses.includes(value as ApplicationStatus),
  );
}

function outcome(data: ApplicationStatusUpdate | undefined, error: CombinedError | undefined): MoveOutcome {
  if (data) return { ok: true, application: data };
  if (hasErrorCode(error, 'CONFLICT')) return { ok: false, reason: 'conflict', allowed: allowedMoves(error) };
  if (hasErrorCode(error, 'FORBIDDEN') || hasErrorCode(error, 'UNAUTHENTICATED')) {
    return { ok: false, reason: 'forbidden' };
  }
  if (hasErrorCode(error, 'BAD_USER_INPUT')) return { ok: false, reason: 'invalid' };
  return { ok: false, reason: 'failed' };
}

/** `changeApplicationStatus` and `withdrawApplication`, with their refusals sorted for the interface. */
export function useApplicationMoves() {
  async function changeStatus(id: string, status: ApplicationStatus, reason: string | null): Promise<MoveOutcome> {
    const result = await graphqlClient.value
      .mutation(ChangeApplicationStatusDocument, { id, status, reason: reason || null })
      .toPromise();
    return outcome(result.data?.changeApplicationStatus, result.error);
  }

  async function withdraw(id: string, reason: string | null): Promise<MoveOutcome> {
    const result = await graphqlClient.value.mutation(WithdrawApplicationDocument, { id, reason: reason || null }).toPromise();
    return outcome(result.data?.withdrawApplication, result.error);
  }

  return { changeStatus, withdraw };
}
