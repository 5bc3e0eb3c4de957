import { authorize, ConnectionType, findPage, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context.js';
import { Enterprise } from '../external/enterprise.js';
import { Offer, OfferStatus } from './offer.entity.js';
import { OffersArgs } from './offer.inputs.js';
import { canReadOffer, offerScope } from './offer.policy.js';
import { archiveOffer, closeOffer, publishOffer } from './offer.service.js';

export const OfferConnection = ConnectionType(Offer);

@Resolver(() => Offer)
export class OfferResolver {
  @Query(() => Offer, { description: 'One offer; drafts and archived offers only for their enterprise.' })
  offer(@Arg('id', () => ID) id: string, @Ctx() ctx: OffersContext): Promise<Offer> {
    return loadVisibleOrThrow(ctx.loaders.offerById, 'Offer', id, ctx.viewer, (offer) => canReadOffer(ctx.viewer, offer));
  }

  @Query(() => OfferConnection, { description: 'Offers of a status (published by default), oldest first; an enterprise lists its own drafts and archived offers.' })
  offers(@Args(() => OffersArgs) args: OffersArgs, @Ctx() ctx: OffersContext): Promise<Connection<Offer>> {
    const scope = offerScope(ctx.viewer, args.status ?? OfferStatus.PUBLISHED);
    authorize(ctx.viewer, scope !== null);
    return findPage(ctx.em, Offer, scope!, args);
  }

  @Mutation(() => Offer, { description: 'Publishes a draft (DRAFT → PUBLISHED): the enterprise’s recruiters or a system administrator.' })
  publishOffer(@Arg('id', () => ID) id: string, @Ctx() ctx: OffersContext): Promise<Offer> {
    return publishOffer(ctx, id);
  }

  @Mutation(() => Offer, { description: 'Closes a published offer to new applications (PUBLISHED → CLOSED).' })
  closeOffer(@Arg('id', () => ID) id: string, @Ctx() ctx: OffersContext): Promise<Offer> {
    return closeOffer(ctx, id);
  }

  @Mutation(() => Offer, { description: 'Archives a closed offer or drops a draft (CLOSED or DRAFT → ARCHIVED).' })
  archiveOffer(@Arg('id', () => ID) id: string, @Ctx() ctx: OffersContext): Promise<Offer> {
    return archiveOffer(ctx, id);
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
