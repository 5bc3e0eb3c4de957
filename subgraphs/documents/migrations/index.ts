import type { MigrationObject } from '@mikro-orm/core';
import { CreateDocument } from './0001-create-document.js';
import { InternshipDocuments } from './0002-internship-documents.js';
import { Uploads } from './0003-uploads.js';
import { ApplicationDocuments } from './0004-application-documents.js';
import { ClosedApplications } from './0005-closed-applications.js';
import { AnnounceUploads } from './0006-announce-uploads.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-document', class: CreateDocument },
  { name: '0002-internship-documents', class: InternshipDocuments },
  { name: '0003-uploads', class: Uploads },
  { name: '0004-application-documents', class: ApplicationDocuments },
  { name: '0005-closed-applications', class: ClosedApplications },
  { name: '0006-announce-uploads', class: AnnounceUploads },
];
