import type { MigrationObject } from '@mikro-orm/core';
import { CreateOffer } from './0001-create-offer.js';

export const migrations: MigrationObject[] = [{ name: '0001-create-offer', class: CreateOffer }];
