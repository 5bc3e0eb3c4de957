import { ConnectionType, findPage, notFound, parseId, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { EnterprisesContext } from '../context.js';
import { Enterprise } from './enterprise.entity.js';
import { EnterprisesArgs } from './enterprise.inputs.js';

export const EnterpriseConnection = ConnectionType(Enterprise);

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { description: 'One enterprise by id; NOT_FOUND when there is none.' })
  async enterprise(@Arg('id', () => ID) id: string, @Ctx() ctx: EnterprisesContext): Promise<Enterprise> {
    const enterprise = await ctx.loaders.enterpriseById.load(parseId(id));
    if (!enterprise) throw notFound('Enterprise', id);
    return enterprise;
  }

  @Query(() => EnterpriseConnection, { description: 'Enterprises, oldest first, as a Relay connection.' })
  enterprises(@Args(() => EnterprisesArgs) args: EnterprisesArgs, @Ctx() ctx: EnterprisesContext): Promise<Connection<Enterprise>> {
    return findPage(ctx.em, Enterprise, args.verificationStatus ? { verificationStatus: args.verificationStatus } : {}, args);
  }
}
