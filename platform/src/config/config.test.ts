import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig, port, serviceSettingsSchema } from './config.js';

describe('loadConfig', () => {
  it('should apply defaults when nothing is set', () => {
    const settings = loadConfig(serviceSettingsSchema, {});
    expect(settings).toMatchObject({ HOST: '127.0.0.1', LOG_LEVEL: 'info', S3_BUCKET: 'stages' });
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it('should name the variable and what was expected when a port is not a number', () => {
    expect(() => loadConfig(z.object({ PORT: port(8001) }), { PORT: 'huit' })).toThrow(
      new ConfigError('PORT: expected a TCP port number (got "huit")'),
    );
  });

  it('should reject a port out of range', () => {
    expect(() => loadConfig(z.object({ PORT: port(8001) }), { PORT: '70000' })).toThrow(/^PORT: expected a port between 0 and 65535/);
  });

  it('should hide the credentials of a URL it rejects', () => {
    expect(() => loadConfig(serviceSettingsSchema, { DATABASE_URL: 'mysql://stages:s3cret@db/stages' })).toThrow(
      'DATABASE_URL: expected a URL starting with postgres:// or postgresql:// (got "mysql://***@db/stages")',
    );
  });

  it('should never print the value of a secret', () => {
    expect(() => loadConfig(serviceSettingsSchema, { S3_SECRET_KEY: '' , S3_BUCKET: 'UPPER' })).toThrow(/^S3_BUCKET: expected an S3 bucket name/);
    expect(() => loadConfig(z.object({ S3_SECRET_KEY: z.string().min(8) }), { S3_SECRET_KEY: 'short' })).toThrow(/\(got \(hidden\)\)$/);
  });

  it('should treat an empty optional URL as unset', () => {
    expect(loadConfig(serviceSettingsSchema, { REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it('should validate Kafka broker lists', () => {
    expect(loadConfig(serviceSettingsSchema, { KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9094' }).KAFKA_BROKERS).toBe('127.0.0.1:9092,127.0.0.1:9094');
    expect(() => loadConfig(serviceSettingsSchema, { KAFKA_BROKERS: 'kafka' })).toThrow(/^KAFKA_BROKERS: expected host:port/);
  });
});
