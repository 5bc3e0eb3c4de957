import { ConnectionType, findPage, loadByIdOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context.js';
import { Enterprise } from '../external/enterprise.js';
import { Offer, OfferStatus } from './offer.entity.js';
import { OffersArgs } from './offer.inputs.js';

export const OfferConnection = ConnectionType(Offer);

@Resolver(() => Offer)
export class OfferResolver {
  @Query(() => Offer, { description: 'One offer by id; NOT_FOUND when there is none.' })
  offer(@Arg('id', () => ID) id: string, @Ctx() ctx: OffersContext): Promise<Offer> {
    return loadByIdOrThrow(ctx.loaders.offerById, 'Offer', id);
  }

  @Query(() => OfferConnection, { description: 'Offers, oldest first, as a Relay connection.' })
  offers(@Args(() => OffersArgs) args: OffersArgs, @Ctx() ctx: OffersContext): Promise<Connection<Offer>> {
    return findPage(ctx.em, Offer, { status: args.status ?? OfferStatus.PUBLISHED }, args);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The host enterprise (resolved by the enterprises subgraph).' })
  enterprise(@Root() offer: Offer): Enterprise {
    return { id: offer.enterpriseId };
  }
}

@Resolver(() => Enterprise)
export class EnterpriseOffersResolver {
  @FieldResolver(() => OfferConnection, { description: "The enterprise's published offers." })
  offers(@Root() enterprise: Enterprise, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: OffersContext): Promise<Connection<Offer>> {
    return findPage(ctx.em, Offer, { enterpriseId: enterprise.id, status: OfferStatus.PUBLISHED }, args);
  }
}
