import { describe, expect, it } from 'vitest';
import { UnreachableServiceError } from '../infrastructure-errors.js';
import { requireRealSetting } from '../testing/real-services.js';
import { KafkaTransport } from './kafka-transport.js';
import { describeTransportContract } from './transport.contract.js';

describeTransportContract('Kafka', () =>
  KafkaTransport.connect({ brokers: requireRealSetting('KAFKA_BROKERS').split(','), clientId: 'stages-contract', partitions: 3 }),
);

describe('KafkaTransport.connect', () => {
  it('should fail, naming KAFKA_BROKERS, when no broker answers', async () => {
    const error = await KafkaTransport.connect({ brokers: ['127.0.0.1:1'], clientId: 'stages-contract', partitions: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreachableServiceError);
    expect((error as Error).message).toMatch(/^KAFKA_BROKERS: cannot reach 127\.0\.0\.1:1/);
  });
});
