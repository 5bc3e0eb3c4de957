import type { MigrationObject } from '@mikro-orm/core';
import { CreateStudent } from './0001-create-student.js';
import { ProfileCompletion } from './0002-profile-completion.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-student', class: CreateStudent },
  { name: '0002-profile-completion', class: ProfileCompletion },
];
