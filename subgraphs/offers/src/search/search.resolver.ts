import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context.js';
import { searchOffers } from './search.service.js';
import { OfferSearchFacets, OfferSearchResult, SearchOffersArgs } from './search.types.js';

/** Whether the selection names one of `fields` directly (fragments are resolved lazily anyway). */
const asksFor = (info: GraphQLResolveInfo, fields: string[]) =>
  info.fieldNodes.some((node) => node.selectionSet?.selections.some((selection) => selection.kind === 'Field' && fields.includes(selection.name.value)));

@Resolver(() => OfferSearchResult)
export class OfferSearchResolver {
  @Query(() => OfferSearchResult, {
    description:
      'Published offers matching words (French or English, accents ignored) and filters, most relevant first, then most recent; with the exact total and facet counts. A search matching more than 5,000 offers ranks its 5,000 most recent matches, then lists the older ones newest first (score 0). Public.',
  })
  searchOffers(@Args(() => SearchOffersArgs) args: SearchOffersArgs, @Ctx() ctx: OffersContext, @Info() info: GraphQLResolveInfo): Promise<OfferSearchResult> {
    return searchOffers(ctx.em, args.query, args.filter, args.first, args.after, { withSummary: asksFor(info, ['totalCount', 'facets']), cache: ctx.infrastructure.cache });
  }

  @FieldResolver(() => Int, { description: 'Number of offers matching the search.' })
  async totalCount(@Root() result: OfferSearchResult): Promise<number> {
    return (await result.summary()).totalCount;
  }

  @FieldResolver(() => OfferSearchFacets)
  async facets(@Root() result: OfferSearchResult): Promise<OfferSearchFacets> {
    return (await result.summary()).facets;
  }
}
