import { PageArgs } from '@stages/platform';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { OfferStatus, RemotePolicy } from './offer.entity.js';

@ArgsType()
export class OffersArgs extends PageArgs {
  @Field(() => OfferStatus, { nullable: true, description: 'Only offers in this status (default: published).' })
  status?: OfferStatus | null;
}

@InputType({ description: 'A new offer, created as a draft.' })
export class CreateOfferInput {
  @Field(() => ID, { nullable: true, description: 'The host enterprise: a recruiter’s own by default; required for system administrators.' })
  enterpriseId?: string | null;

  @Field(() => String, { description: '3 to 200 characters.' })
  title!: string;

  @Field(() => String, { description: '10 to 10,000 characters.' })
  description!: string;

  @Field(() => [String], { defaultValue: [], description: 'At most 30, each 1 to 60 characters; duplicates (ignoring case and accents) are dropped.' })
  skills!: string[];

  @Field(() => String)
  city!: string;

  @Field(() => String, { defaultValue: 'FR', description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;

  @Field(() => Float, { nullable: true, description: 'With longitude; when both are missing the city is placed from the gazetteer of French cities.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => RemotePolicy, { defaultValue: RemotePolicy.ON_SITE })
  remote!: RemotePolicy;

  @Field(() => LocalDateResolver, { description: 'After today.' })
  startDate!: string;

  @Field(() => Int, { description: '1 to 6 months.' })
  durationMonths!: number;

  @Field(() => Int, { defaultValue: 35, description: '1 to 48 hours of presence a week.' })
  weeklyHours!: number;

  @Field(() => Int, { nullable: true, description: 'Monthly gratification in euro cents; at least the legal minimum when the internship exceeds 2 months of presence.' })
  stipendCents?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day to apply: today or later, before startDate. The offer closes the day after.' })
  deadline?: string | null;
}

@InputType({ description: 'Changes to a draft or published offer: omitted fields stay as they are; null clears an optional one.' })
export class UpdateOfferInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  skills?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A new city without coordinates is placed from the gazetteer.' })
  city?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => RemotePolicy, { nullable: true })
  remote?: RemotePolicy | null;

  @Field(() => LocalDateResolver, { nullable: true })
  startDate?: string | null;

  @Field(() => Int, { nullable: true })
  durationMonths?: number | null;

  @Field(() => Int, { nullable: true })
  weeklyHours?: number | null;

  @Field(() => Int, { nullable: true })
  stipendCents?: number | null;

  @Field(() => LocalDateResolver, { nullable: true })
  deadline?: string | null;
}
