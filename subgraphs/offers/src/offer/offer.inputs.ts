import { PageArgs } from '@stages/platform';
import { ArgsType, Field } from 'type-graphql';
import { OfferStatus } from './offer.entity.js';

@ArgsType()
export class OffersArgs extends PageArgs {
  @Field(() => OfferStatus, { nullable: true, description: 'Only offers in this status (default: published).' })
  status?: OfferStatus | null;
}
