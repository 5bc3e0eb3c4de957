// Replays the dead letters of a topic once their cause is fixed (README, "Dead letters").
// Usage: npm run events:replay-dlt -- --topic stages.application [--group notifications.status] [--dry-run]
import { parseArgs } from 'node:util';
import { replayDeadLetters } from '@stages/platform';

const { values } = parseArgs({
  options: { topic: { type: 'string' }, group: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const brokers = process.env.KAFKA_BROKERS;
if (!values.topic || !brokers) {
  process.stderr.write('Usage: KAFKA_BROKERS=host:port npm run events:replay-dlt -- --topic stages.<aggregate> [--group <consumer group>] [--dry-run]\n');
  process.exit(2);
}
const report = await replayDeadLetters({
  brokers: brokers.split(','),
  prefix: process.env.KAFKA_TOPIC_PREFIX,
  topic: values.topic,
  group: values.group,
  dryRun: values['dry-run'],
});
process.stdout.write(`${values['dry-run'] ? 'Would replay' : 'Replayed'} ${report.replayed} event(s) of ${values.topic}.DLT; ${report.skipped} left (other groups).\n`);
for (const id of report.eventIds) process.stdout.write(`  ${id}\n`);
