import { ConnectionType, findPage, loadByIdOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { UniversitiesContext } from '../context.js';
import { University } from './university.entity.js';

export const UniversityConnection = ConnectionType(University);

@Resolver(() => University)
export class UniversityResolver {
  @Query(() => University, { description: 'One university by id; NOT_FOUND when there is none.' })
  university(@Arg('id', () => ID) id: string, @Ctx() ctx: UniversitiesContext): Promise<University> {
    return loadByIdOrThrow(ctx.loaders.universityById, 'University', id);
  }

  @Query(() => UniversityConnection, { description: 'Universities, oldest first, as a Relay connection.' })
  universities(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: UniversitiesContext): Promise<Connection<University>> {
    return findPage(ctx.em, University, {}, args);
  }
}
