import type { MigrationObject } from '@mikro-orm/core';
import { CreateStudent } from './0001-create-student.js';
import { ProfileCompletion } from './0002-profile-completion.js';
import { ApplicantLink } from './0003-applicant-link.js';
import { Supervision } from './0004-supervision.js';
import { StudentProfile } from './0005-student-profile.js';
import { Placement } from './0006-placement.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-student', class: CreateStudent },
  { name: '0002-profile-completion', class: ProfileCompletion },
  { name: '0003-applicant-link', class: ApplicantLink },
  { name: '0004-supervision', class: Supervision },
  { name: '0005-student-profile', class: StudentProfile },
  { name: '0006-placement', class: Placement },
];
