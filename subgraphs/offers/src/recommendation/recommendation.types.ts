import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Offer } from '../offer/offer.entity.js';
import { RecommendationKind } from './scoring.js';

registerEnumType(RecommendationKind, {
  name: 'RecommendationKind',
  description: 'What part of a recommendation a reason explains: SKILLS (skills the offer asks for that the student has, by level), PREFERENCES (sector, remote policy, start date, duration), LOCATION (near a preferred city, or fully remote), FRESHNESS (recently published), STIPEND (pays at least what the student asks).',
});

@ObjectType({ description: 'One reason an offer is recommended.' })
export class RecommendationReason {
  @Field(() => RecommendationKind)
  kind!: RecommendationKind;

  @Field(() => Float, { description: 'What this reason adds to the score.' })
  weight!: number;

  @Field(() => String, { description: 'The reason as a person reads it, in the language of the request’s Accept-Language (French or English; French by default), e.g. "3 of your skills: TypeScript, SQL and Vue.js".' })
  detail!: string;
}

@ObjectType({ description: 'An offer recommended to a student, with its score and the reasons for it.' })
export class RecommendedOffer {
  @Field(() => Offer)
  offer!: Offer;

  @Field(() => Float, { description: 'From 0 to 1: the sum of the reasons’ weights.' })
  score!: number;

  @Field(() => [RecommendationReason], { description: 'Largest first.' })
  reasons!: RecommendationReason[];
}
