import type { MigrationObject } from '@mikro-orm/core';
import { CreatePlacementReport } from './0001-create-placement-report.js';
import { EventTally } from './0002-event-tally.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-placement-report', class: CreatePlacementReport },
  { name: '0002-event-tally', class: EventTally },
];
