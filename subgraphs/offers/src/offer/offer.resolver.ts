import { authorize, ConnectionType, findPage, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, Field, Float, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context.js';
import { Enterprise } from '../external/enterprise.js';
import { offerSettings } from '../settings.js';
import { minimumMonthlyStipendCents } from './gratification.js';
import { Offer, OfferStatus } from './offer.entity.js';
import { CreateOfferInput, OffersArgs, UpdateOfferInput } from './offer.inputs.js';
import { canReadOffer, offerScope } from './offer.policy.js';
import { archiveOffer, closeOffer, createOffer, publishOffer, updateOffer } from './offer.service.js';

export const OfferConnection = ConnectionType(Offer);

@ObjectType({ description: 'Where an internship takes place.' })
export class OfferLocation {
  @Field(() => String)
  city!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude (from the offer or the gazetteer of French cities).' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;
}

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

  @Mutation(() => Offer, { description: 'Creates a draft offer: an enterprise’s recruiters for their enterprise, or a system administrator for the one named.' })
  createOffer(@Arg('input', () => CreateOfferInput) input: CreateOfferInput, @Ctx() ctx: OffersContext): Promise<Offer> {
    return createOffer(ctx, input);
  }

  @Mutation(() => Offer, { description: 'Edits a draft or published offer (offer.updated): the enterprise’s recruiters or a system administrator.' })
  updateOffer(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateOfferInput) input: UpdateOfferInput, @Ctx() ctx: OffersContext): Promise<Offer> {
    return updateOffer(ctx, id, input);
  }

  @Mutation(() => Offer, { description: 'Publishes a draft (DRAFT → PUBLISHED) of a verified enterprise: the enterprise’s recruiters or a system administrator.' })
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

  @FieldResolver(() => OfferLocation)
  location(@Root() offer: Offer): OfferLocation {
    return { city: offer.city, country: offer.country, latitude: offer.latitude, longitude: offer.longitude };
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Legal minimum monthly gratification in euro cents for this duration and weekly hours; null when none is due (2 months of presence or less).' })
  minimumStipendCents(@Root() offer: Offer): number | null {
    const settings = offerSettings();
    return minimumMonthlyStipendCents(offer.durationMonths, offer.weeklyHours, {
      centsPerHour: settings.OFFERS_MIN_GRATIFICATION_CENTS_PER_HOUR,
      thresholdHours: settings.OFFERS_GRATIFICATION_THRESHOLD_HOURS,
    });
  }
}

@Resolver(() => Enterprise)
export class EnterpriseOffersResolver {
  @FieldResolver(() => OfferConnection, {
    description: "The enterprise's offers of a status (published by default), oldest first: published and closed ones for everyone, drafts and archived ones for its recruiters and system administrators.",
  })
  offers(@Root() enterprise: Enterprise, @Args(() => OffersArgs) args: OffersArgs, @Ctx() ctx: OffersContext): Promise<Connection<Offer>> {
    const status = args.status ?? OfferStatus.PUBLISHED;
    const scope = offerScope(ctx.viewer, status);
    authorize(ctx.viewer, scope !== null && (scope.enterpriseId === undefined || scope.enterpriseId === enterprise.id));
    return findPage(ctx.em, Offer, { enterpriseId: enterprise.id, status }, args);
  }
}
