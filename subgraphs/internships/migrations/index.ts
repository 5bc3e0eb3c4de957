import type { MigrationObject } from '@mikro-orm/core';
import { CreateInternship } from './0001-create-internship.js';
import { InternshipUniversity } from './0002-internship-university.js';
import { InternshipSupervisor } from './0003-internship-supervisor.js';
import { InternshipVersion } from './0004-internship-version.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-internship', class: CreateInternship },
  { name: '0002-internship-university', class: InternshipUniversity },
  { name: '0003-internship-supervisor', class: InternshipSupervisor },
  { name: '0004-internship-version', class: InternshipVersion },
];
