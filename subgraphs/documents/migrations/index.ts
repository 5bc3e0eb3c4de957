import type { MigrationObject } from '@mikro-orm/core';
import { CreateDocument } from './0001-create-document.js';

export const migrations: MigrationObject[] = [{ name: '0001-create-document', class: CreateDocument }];
