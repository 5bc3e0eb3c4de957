import type { MigrationObject } from '@mikro-orm/core';
import { CreateUser } from './0001-create-user.js';

export const migrations: MigrationObject[] = [{ name: '0001-create-user', class: CreateUser }];
