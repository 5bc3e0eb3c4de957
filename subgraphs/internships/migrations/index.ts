import type { MigrationObject } from '@mikro-orm/core';
import { CreateInternship } from './0001-create-internship.js';

export const migrations: MigrationObject[] = [{ name: '0001-create-internship', class: CreateInternship }];
