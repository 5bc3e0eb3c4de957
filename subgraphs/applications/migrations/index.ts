import type { MigrationObject } from '@mikro-orm/core';
import { CreateApplication } from './0001-create-application.js';
import { ApplicationParties } from './0002-application-parties.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-application', class: CreateApplication },
  { name: '0002-application-parties', class: ApplicationParties },
];
