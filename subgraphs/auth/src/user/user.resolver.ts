import { authorize, ConnectionType, findPage, isSystemAdmin, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AuthContext } from '../context.js';
import { User } from './user.entity.js';
import { canReadUser } from './user.policy.js';

export const UserConnection = ConnectionType(User);

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'One account by id: its owner or a system administrator.' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthContext): Promise<User> {
    return loadVisibleOrThrow(ctx.loaders.userById, 'User', id, ctx.viewer, (user) => canReadUser(ctx.viewer, user.id));
  }

  @Query(() => UserConnection, { description: 'Accounts, oldest first: system administrators only.' })
  users(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: AuthContext): Promise<Connection<User>> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer));
    return findPage(ctx.em, User, {}, args);
  }
}
