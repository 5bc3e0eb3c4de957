import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context.js';
import { searchOffers } from './search.service.js';
import { SUMMARY_MAX_STALE_SECONDS } from './search.summary-cache.js';
import { OfferSearchFacets, OfferSearchResult, SearchOffersArgs } from './search.types.js';

/** Whether the selection names one of `fields` directly (fragments are resolved lazily anyway). */
const asksFor = (info: GraphQLResolveInfo, fields: string[]) =>
  info.fieldNodes.some((node) => node.selectionSet?.selections.some((selection) => selection.kind === 'Field' && fields.includes(selection.name.value)));

@Resolver(() => OfferSearchResult)
export class OfferSearchResolver {
  @Query(() => OfferSearchResult, {
    description:
      `Published offers matching words (French or English, accents ignored) and filters, most relevant first, then most recent; with the total and facet counts. The page (edges, pageInfo) is always exact. The counts are exact too, except just after published offers changed: then a search counted less than ${SUMMARY_MAX_STALE_SECONDS} seconds ago is answered at once with those counts while they are counted again for the searches that follow. Counts thus lag a change by about the time one search takes, and never describe the offers as they were more than ${SUMMARY_MAX_STALE_SECONDS} seconds earlier. A search matching more than 5,000 offers ranks its 5,000 most recent matches, then lists the older ones newest first (score 0). Public.`,
  })
  searchOffers(@Args(() => SearchOffersArgs) args: SearchOffersArgs, @Ctx() ctx: OffersContext, @Info() info: GraphQLResolveInfo): Promise<OfferSearchResult> {
    return searchOffers(ctx.em, args.query, args.filter, args.first, args.after, {
      withSummary: asksFor(info, ['totalCount', 'facets']),
      cache: ctx.infrastructure.cache,
      logger: ctx.logger,
    });
  }

  @FieldResolver(() => Int, {
    description:
      `Number of offers matching the search; just after published offers changed, possibly as counted up to ${SUMMARY_MAX_STALE_SECONDS} seconds earlier, while it is counted again (see searchOffers) — never fewer than a first page shows (a complete first page gives the exact total).`,
  })
  async totalCount(@Root() result: OfferSearchResult): Promise<number> {
    return (await result.summary()).totalCount;
  }

  @FieldResolver(() => OfferSearchFacets, { description: 'Counts of the matching offers by value, counted with totalCount and as recent as it.' })
  async facets(@Root() result: OfferSearchResult): Promise<OfferSearchFacets> {
    return (await result.summary()).facets;
  }
}
