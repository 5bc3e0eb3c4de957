import type { MigrationObject } from '@mikro-orm/core';
import { CreateUniversity } from './0001-create-university.js';

export const migrations: MigrationObject[] = [{ name: '0001-create-university', class: CreateUniversity }];
