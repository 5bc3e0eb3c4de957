import type { MigrationObject } from '@mikro-orm/core';
import { CreateEnterprise } from './0001-create-enterprise.js';

export const migrations: MigrationObject[] = [{ name: '0001-create-enterprise', class: CreateEnterprise }];
