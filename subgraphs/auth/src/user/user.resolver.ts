import { ConnectionType, findPage, loadByIdOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AuthContext } from '../context.js';
import { User } from './user.entity.js';

export const UserConnection = ConnectionType(User);

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'One account by id; NOT_FOUND when there is none.' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthContext): Promise<User> {
    return loadByIdOrThrow(ctx.loaders.userById, 'User', id);
  }

  @Query(() => UserConnection, { description: 'Accounts, oldest first, as a Relay connection.' })
  users(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: AuthContext): Promise<Connection<User>> {
    return findPage(ctx.em, User, {}, args);
  }
}
