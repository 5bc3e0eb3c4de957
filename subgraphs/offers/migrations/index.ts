import type { MigrationObject } from '@mikro-orm/core';
import { CreateOffer } from './0001-create-offer.js';
import { OfferVersion } from './0002-offer-version.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-offer', class: CreateOffer },
  { name: '0002-offer-version', class: OfferVersion },
];
