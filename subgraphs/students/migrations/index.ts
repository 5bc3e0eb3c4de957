import type { MigrationObject } from '@mikro-orm/core';
import { CreateStudent } from './0001-create-student.js';

export const migrations: MigrationObject[] = [{ name: '0001-create-student', class: CreateStudent }];
