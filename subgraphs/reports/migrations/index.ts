import type { MigrationObject } from '@mikro-orm/core';
import { CreatePlacementReport } from './0001-create-placement-report.js';

export const migrations: MigrationObject[] = [{ name: '0001-create-placement-report', class: CreatePlacementReport }];
