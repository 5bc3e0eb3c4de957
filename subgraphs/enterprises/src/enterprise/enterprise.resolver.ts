import { ConnectionType, findPage, loadByIdOrThrow, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { EnterprisesContext } from '../context.js';
import { Enterprise } from './enterprise.entity.js';
import { EnterprisesArgs } from './enterprise.inputs.js';

export const EnterpriseConnection = ConnectionType(Enterprise);

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { description: 'One enterprise by id; NOT_FOUND when there is none.' })
  enterprise(@Arg('id', () => ID) id: string, @Ctx() ctx: EnterprisesContext): Promise<Enterprise> {
    return loadByIdOrThrow(ctx.loaders.enterpriseById, 'Enterprise', id);
  }

  @Query(() => EnterpriseConnection, { description: 'Enterprises, oldest first, as a Relay connection.' })
  enterprises(@Args(() => EnterprisesArgs) args: EnterprisesArgs, @Ctx() ctx: EnterprisesContext): Promise<Connection<Enterprise>> {
    return findPage(ctx.em, Enterprise, args.verificationStatus ? { verificationStatus: args.verificationStatus } : {}, args);
  }
}
