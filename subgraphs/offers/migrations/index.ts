import type { MigrationObject } from '@mikro-orm/core';
import { CreateOffer } from './0001-create-offer.js';
import { OfferVersion } from './0002-offer-version.js';
import { OfferSearch } from './0003-offer-search.js';
import { EnterpriseProfile } from './0004-enterprise-profile.js';
import { SavedSearch } from './0005-saved-search.js';
import { OfferSearchTable } from './0006-offer-search-table.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-offer', class: CreateOffer },
  { name: '0002-offer-version', class: OfferVersion },
  { name: '0003-offer-search', class: OfferSearch },
  { name: '0004-enterprise-profile', class: EnterpriseProfile },
  { name: '0005-saved-search', class: SavedSearch },
  { name: '0006-offer-search-table', class: OfferSearchTable },
];
