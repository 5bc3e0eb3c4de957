import type { MigrationObject } from '@mikro-orm/core';
import { CreateApplication } from './0001-create-application.js';

export const migrations: MigrationObject[] = [{ name: '0001-create-application', class: CreateApplication }];
