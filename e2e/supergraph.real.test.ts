import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { requireRealSetting } from '@stages/platform/testing';
import { describeSupergraph } from './supergraph.suite.js';

// Real mode: Postgres (a fresh database for this run), Kafka, Redis, S3 and SMTP from the environment.
describeSupergraph('real infrastructure', async () => {
  const serverUrl = new URL(requireRealSetting('DATABASE_URL'));
  const database = `stages_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`create database "${database}"`);
  await admin.end();
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${database}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'stages-real-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    STAGES_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: requireRealSetting('REDIS_URL'),
    KAFKA_BROKERS: requireRealSetting('KAFKA_BROKERS'),
    KAFKA_CLIENT_ID: `stages-test-${process.pid}`,
    S3_ENDPOINT: requireRealSetting('S3_ENDPOINT'),
    S3_ACCESS_KEY: requireRealSetting('S3_ACCESS_KEY'),
    S3_SECRET_KEY: requireRealSetting('S3_SECRET_KEY'),
    S3_BUCKET: `stages-it-${process.pid}`,
    SMTP_URL: requireRealSetting('SMTP_URL'),
  };
  return {
    env,
    async cleanup() {
      const client = new pg.Client({ connectionString: serverUrl.toString() });
      await client.connect();
      await client.query(`drop database if exists "${database}" with (force)`);
      await client.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
