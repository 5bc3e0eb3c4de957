import { Field, InputType } from 'type-graphql';
import { OfferSearchFilter } from '../search/search.types.js';

@InputType({ description: 'A search to save: its name, its words and its filters (as for searchOffers).' })
export class SaveSearchInput {
  @Field(() => String, { description: '1 to 100 characters.' })
  name!: string;

  @Field(() => String, { nullable: true })
  query?: string | null;

  @Field(() => OfferSearchFilter, { nullable: true })
  filter?: OfferSearchFilter | null;
}
