import { PageInfo } from '@stages/platform';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { Offer, RemotePolicy } from '../offer/offer.entity.js';

@InputType({ description: 'Filters of an offer search; all given ones must hold.' })
export class OfferSearchFilter {
  @Field(() => [String], { nullable: true, description: 'Offers asking for all of these skills (ignoring case and accents).' })
  skills?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Offers in this city; with radiusKm, within that distance of it (a city of the gazetteer).' })
  city?: string | null;

  @Field(() => Float, { nullable: true, description: 'Distance from city in km (0 to 500).' })
  radiusKm?: number | null;

  @Field(() => [RemotePolicy], { nullable: true, description: 'Any of these remote policies.' })
  remote?: RemotePolicy[] | null;

  @Field(() => Int, { nullable: true })
  minDurationMonths?: number | null;

  @Field(() => Int, { nullable: true })
  maxDurationMonths?: number | null;

  @Field(() => Int, { nullable: true, description: 'Offers paying at least this monthly gratification (euro cents).' })
  minStipendCents?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Starting on or after this day.' })
  startFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Starting on or before this day.' })
  startTo?: string | null;

  @Field(() => [String], { nullable: true, description: 'Any of these sectors (values of the sectors facet).' })
  sectors?: string[] | null;
}

@ArgsType()
export class SearchOffersArgs {
  @Field(() => String, { nullable: true, description: 'Words, "quoted phrases", -excluded words, "or" (web search syntax), in French or English; accents and case do not matter. At most 200 characters.' })
  query?: string | null;

  @Field(() => OfferSearchFilter, { nullable: true })
  filter?: OfferSearchFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}

@ObjectType({ description: 'An offer found, with its relevance.' })
export class OfferSearchEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Offer)
  node!: Offer;

  @Field(() => Float, { description: 'Text relevance from 0 to 1 (ts_rank_cd, normalized); 0 without a query, and 0 for the matches older than the 5,000 most recent of a search matching more (those alone are ranked).' })
  score!: number;
}

@ObjectType({ description: 'How many offers of the result have a value.' })
export class FacetValue {
  @Field(() => String)
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Counts of the result by value. Each facet ignores its own filter (remote, sectors, city and radius, duration), so other values show what choosing them would give.' })
export class OfferSearchFacets {
  @Field(() => [FacetValue], { description: 'By remote policy.' })
  remote!: FacetValue[];

  @Field(() => [FacetValue], { description: 'By sector, most offers first.' })
  sectors!: FacetValue[];

  @Field(() => [FacetValue], { description: 'By city, the 20 with most offers.' })
  cities!: FacetValue[];

  @Field(() => [FacetValue], { description: 'By duration in months ("1" to "6").' })
  durations!: FacetValue[];
}

@ObjectType({ description: 'A page of published offers matching a search, best first, with the total and facet counts.' })
export class OfferSearchResult {
  @Field(() => [OfferSearchEdge])
  edges!: OfferSearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** The total and the facets: on demand, in one query, or from the cache (search.summary-cache.ts). */
  summary!: () => Promise<{ totalCount: number; facets: OfferSearchFacets }>;
}
