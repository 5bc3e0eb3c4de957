import { authorize, conflict, ConnectionType, findPage, hasRole, isSystemAdmin, loadByIdOrThrow, PageArgs, type Connection, type Viewer } from '@stages/platform';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { EnterprisesContext } from '../context.js';
import { MembershipRequest, MembershipStatus } from './membership-request.entity.js';

export const MembershipRequestConnection = ConnectionType(MembershipRequest);

const canDecide = (viewer: Viewer | null, enterpriseId: string) =>
  isSystemAdmin(viewer) || (hasRole(viewer, 'ENTERPRISE') && viewer?.enterpriseId === enterpriseId);

@Resolver(() => MembershipRequest)
export class MembershipResolver {
  @Query(() => MembershipRequestConnection, { description: 'Requests to join the caller’s enterprise (all of them for system administrators), oldest first.' })
  membershipRequests(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: EnterprisesContext): Promise<Connection<MembershipRequest>> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer) || Boolean(ctx.viewer?.enterpriseId && hasRole(ctx.viewer, 'ENTERPRISE')));
    return findPage(ctx.em, MembershipRequest, isSystemAdmin(ctx.viewer) ? {} : { enterpriseId: ctx.viewer!.enterpriseId! }, args);
  }

  @Mutation(() => MembershipRequest, { description: 'Accepts or refuses a request to join: the enterprise’s recruiters or a system administrator.' })
  async decideMembershipRequest(
    @Arg('id', () => ID) id: string,
    @Arg('approve', () => Boolean) approve: boolean,
    @Ctx() ctx: EnterprisesContext,
  ): Promise<MembershipRequest> {
    const request = await loadByIdOrThrow(ctx.loaders.membershipRequestById, 'MembershipRequest', id);
    authorize(ctx.viewer, canDecide(ctx.viewer, request.enterpriseId));
    if (request.status !== MembershipStatus.PENDING) throw conflict(`This request was already ${request.status.toLowerCase()}.`, { allowed: [] });
    request.status = approve ? MembershipStatus.APPROVED : MembershipStatus.REJECTED;
    request.decidedBy = ctx.viewer!.subject;
    request.decidedAt = new Date();
    // The auth subgraph attaches the account to the enterprise from this event, committed with the decision.
    ctx.emit({
      type: approve ? 'enterprise.member-approved' : 'enterprise.member-rejected',
      subject: request.enterpriseId,
      data: { enterpriseId: request.enterpriseId, userId: request.userId, requestId: request.id },
    });
    await ctx.em.flush();
    return request;
  }
}
