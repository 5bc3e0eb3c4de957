import { authorize, conflict, isSystemAdmin, loadByIdOrThrow } from '@stages/platform';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { audit } from '../audit/audit.js';
import type { AuthContext } from '../context.js';
import { RefreshToken } from '../session/refresh-token.entity.js';
import { Role, User, UserStatus } from './user.entity.js';

@Resolver()
export class UserAdminResolver {
  @Mutation(() => User, { description: 'Replaces the roles of an account: system administrators only; audited.' })
  async setUserRoles(@Arg('userId', () => ID) userId: string, @Arg('roles', () => [Role]) roles: Role[], @Ctx() ctx: AuthContext): Promise<User> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer));
    const user = await loadByIdOrThrow(ctx.loaders.userById, 'User', userId);
    const next = [...new Set(roles)].sort();
    if (user.id === ctx.viewer!.subject && !next.includes(Role.SYSTEM_ADMIN)) {
      throw conflict('You cannot remove your own SYSTEM_ADMIN role: ask another administrator.');
    }
    const before = [...user.roles];
    user.roles = next;
    await ctx.em.flush();
    // New roles apply to new access tokens: at most 15 minutes for tokens already issued.
    await audit(ctx.em, { action: 'roles.changed', userId: user.id, actorId: ctx.viewer!.subject, ip: ctx.clientIp, details: { before, after: next } });
    return user;
  }

  @Mutation(() => User, { description: 'Activates or disables an account (disabling ends its sessions): system administrators only; audited.' })
  async setUserStatus(@Arg('userId', () => ID) userId: string, @Arg('status', () => UserStatus) status: UserStatus, @Ctx() ctx: AuthContext): Promise<User> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer));
    const user = await loadByIdOrThrow(ctx.loaders.userById, 'User', userId);
    if (user.id === ctx.viewer!.subject && status !== UserStatus.ACTIVE) throw conflict('You cannot disable your own account.');
    const before = user.status;
    user.status = status;
    await ctx.em.flush();
    if (status === UserStatus.DISABLED) await ctx.em.nativeUpdate(RefreshToken, { userId: user.id, revokedAt: null }, { revokedAt: new Date() });
    await audit(ctx.em, { action: 'status.changed', userId: user.id, actorId: ctx.viewer!.subject, ip: ctx.clientIp, details: { before, after: status } });
    return user;
  }
}
