import type { MigrationObject } from '@mikro-orm/core';
import { CreateNotification } from './0001-create-notification.js';

export const migrations: MigrationObject[] = [{ name: '0001-create-notification', class: CreateNotification }];
