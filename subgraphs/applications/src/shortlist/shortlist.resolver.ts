import { ConnectionType, findPage, PageArgs, parseId, type Connection } from '@stages/platform';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ApplicationsContext } from '../context.js';
import { Application } from '../application/application.entity.js';
import { Offer } from '../external/offer.js';
import { Shortlist } from './shortlist.entity.js';
import { addToShortlist, createShortlist, deleteShortlist, removeFromShortlist, requireRecruiter } from './shortlist.service.js';

export const ShortlistConnection = ConnectionType(Shortlist);

@ArgsType()
export class ShortlistsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the shortlists of this offer.' })
  offerId?: string | null;
}

@Resolver(() => Shortlist)
export class ShortlistResolver {
  @Query(() => ShortlistConnection, { description: 'The shortlists of the caller’s enterprise, oldest first: its recruiters only.' })
  shortlists(@Args(() => ShortlistsArgs) args: ShortlistsArgs, @Ctx() ctx: ApplicationsContext): Promise<Connection<Shortlist>> {
    const enterpriseId = requireRecruiter(ctx.viewer);
    const offerId = args.offerId ? parseId(args.offerId, 'offerId') : null;
    return findPage(ctx.em, Shortlist, offerId ? { enterpriseId, offerId } : { enterpriseId }, args);
  }

  @Mutation(() => Shortlist, { description: 'A recruiter starts a shortlist (a name unique in the enterprise, 1 to 120 characters), for one of its offers or across offers.' })
  createShortlist(
    @Arg('name', () => String) name: string,
    @Arg('offerId', () => ID, { nullable: true, description: 'The offer it is for; omit it for a list across offers.' }) offerId: string | null | undefined,
    @Ctx() ctx: ApplicationsContext,
  ): Promise<Shortlist> {
    return createShortlist(ctx, name, offerId);
  }

  @Mutation(() => Shortlist, { description: 'Puts one of the enterprise’s applications on one of its shortlists (at most 200); the student is not told.' })
  addToShortlist(@Arg('shortlistId', () => ID) shortlistId: string, @Arg('applicationId', () => ID) applicationId: string, @Ctx() ctx: ApplicationsContext): Promise<Shortlist> {
    return addToShortlist(ctx, shortlistId, applicationId);
  }

  @Mutation(() => Shortlist, { description: 'Takes an application off a shortlist.' })
  removeFromShortlist(@Arg('shortlistId', () => ID) shortlistId: string, @Arg('applicationId', () => ID) applicationId: string, @Ctx() ctx: ApplicationsContext): Promise<Shortlist> {
    return removeFromShortlist(ctx, shortlistId, applicationId);
  }

  @Mutation(() => ID, { description: 'Deletes a shortlist of the enterprise (not its applications); returns its id.' })
  deleteShortlist(@Arg('id', () => ID) id: string, @Ctx() ctx: ApplicationsContext): Promise<string> {
    return deleteShortlist(ctx, id);
  }

  @FieldResolver(() => Offer, { nullable: true, description: 'The offer it is for; null for a list across offers.' })
  offer(@Root() shortlist: Shortlist): Offer | null {
    return shortlist.offerId ? { id: shortlist.offerId } : null;
  }

  @FieldResolver(() => [Application], { description: 'Its applications, in the order they were added.' })
  async applications(@Root() shortlist: Shortlist, @Ctx() ctx: ApplicationsContext): Promise<Application[]> {
    const entries = await ctx.loaders.entriesByShortlist.load(shortlist.id);
    const applications = await ctx.loaders.applicationById.loadMany(entries.map((entry) => entry.applicationId));
    return applications.filter((application): application is Application => application instanceof Application);
  }

  @FieldResolver(() => Int, { description: 'Number of applications on it.' })
  async size(@Root() shortlist: Shortlist, @Ctx() ctx: ApplicationsContext): Promise<number> {
    return (await ctx.loaders.entriesByShortlist.load(shortlist.id)).length;
  }
}
