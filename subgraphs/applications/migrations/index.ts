import type { MigrationObject } from '@mikro-orm/core';
import { CreateApplication } from './0001-create-application.js';
import { ApplicationParties } from './0002-application-parties.js';
import { ApplicationStatusHistory } from './0003-application-status-history.js';
import { Recruiting } from './0004-recruiting.js';
import { UploadedDocuments } from './0005-uploaded-documents.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-application', class: CreateApplication },
  { name: '0002-application-parties', class: ApplicationParties },
  { name: '0003-application-status-history', class: ApplicationStatusHistory },
  { name: '0004-recruiting', class: Recruiting },
  { name: '0005-uploaded-documents', class: UploadedDocuments },
];
