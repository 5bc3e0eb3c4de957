// Round-trip check of the local services, using the same client libraries as the application.
// Usage: set -a; . .stages/infra.env; set +a; node infra/local/check.mjs [postgres|redis|kafka|s3|mailpit ...]
import { randomUUID } from 'node:crypto';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (source .stages/infra.env first)`);
  return v;
};

const checks = {
  async postgres() {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: env('DATABASE_URL') });
    await client.connect();
    try {
      const { rows } = await client.query('select current_user as u, current_database() as d, version() as v');
      const { rows: r2 } = await client.query('select rolcreatedb, rolsuper from pg_roles where rolname = current_user');
      if (!r2[0].rolcreatedb || r2[0].rolsuper) throw new Error('role stages must have CREATEDB and not be superuser');
      return `${rows[0].u}@${rows[0].d} ${rows[0].v.split(' ').slice(0, 2).join(' ')}`;
    } finally {
      await client.end();
    }
  },

  async redis() {
    const { Redis } = await import('ioredis');
    const redis = new Redis(env('REDIS_URL'), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      const key = `infra-check:${randomUUID()}`;
      await redis.set(key, 'ok', 'EX', 10);
      const v = await redis.get(key);
      if (v !== 'ok') throw new Error(`GET returned ${v}`);
      return `${await redis.ping()} set/get ok`;
    } finally {
      redis.disconnect();
    }
  },

  async kafka() {
    const { Kafka, logLevel } = await import('kafkajs');
    const kafka = new Kafka({ clientId: 'infra-check', brokers: env('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    const topic = 'infra-check';
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true }).catch(() => {});
    await admin.disconnect();
    const id = randomUUID();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: id, value: id }] });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: `infra-check-${id}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const t0 = Date.now();
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('message not consumed within 30 s')), 30000);
      consumer.run({
        eachMessage: async ({ message }) => {
          if (message.value?.toString() === id) { clearTimeout(timer); resolve(); }
        },
      });
    });
    await consumer.disconnect();
    return `produced and consumed ${id.slice(0, 8)} on ${topic} in ${Date.now() - t0} ms`;
  },

  async s3() {
    const { Client } = await import('minio');
    const url = new URL(env('S3_ENDPOINT'));
    const s3 = new Client({
      endPoint: url.hostname, port: Number(url.port || 80), useSSL: url.protocol === 'https:',
      accessKey: env('S3_ACCESS_KEY'), secretKey: env('S3_SECRET_KEY'), pathStyle: true, region: env('S3_REGION'),
    });
    const bucket = env('S3_BUCKET');
    if (!(await s3.bucketExists(bucket))) await s3.makeBucket(bucket, env('S3_REGION'));
    const key = `infra-check/${randomUUID()}.txt`;
    const body = `hello ${key}`;
    await s3.putObject(bucket, key, Buffer.from(body), body.length, { 'Content-Type': 'text/plain' });
    const stream = await s3.getObject(bucket, key);
    let got = '';
    for await (const chunk of stream) got += chunk;
    if (got !== body) throw new Error(`object body mismatch: ${got}`);
    await s3.removeObject(bucket, key);
    // a wrong secret must be refused (signatures are really checked)
    const bad = new Client({ endPoint: url.hostname, port: Number(url.port || 80), useSSL: false,
      accessKey: env('S3_ACCESS_KEY'), secretKey: 'wrong-secret', pathStyle: true, region: env('S3_REGION') });
    const refused = await bad.bucketExists(bucket).then(() => false, () => true);
    if (!refused) throw new Error('request signed with a wrong secret was accepted');
    return `bucket ${bucket}: put/get/delete ok, bad signature refused`;
  },

  async mailpit() {
    const { default: nodemailer } = await import('nodemailer');
    const transport = nodemailer.createTransport(env('SMTP_URL'));
    const subject = `infra-check ${randomUUID()}`;
    await transport.sendMail({ from: 'noreply@stages.test', to: 'check@stages.test', subject, text: 'bonjour' });
    const api = env('MAILPIT_URL');
    const t0 = Date.now();
    for (;;) {
      const res = await fetch(`${api}/api/v1/search?query=${encodeURIComponent(`subject:"${subject}"`)}`);
      const data = await res.json();
      if (data.messages?.some((m) => m.Subject === subject)) break;
      if (Date.now() - t0 > 10000) throw new Error('sent mail not visible in Mailpit API');
      await new Promise((r) => setTimeout(r, 200));
    }
    const list = await (await fetch(`${api}/api/v1/messages?limit=1`)).json();
    return `sent via SMTP, read back from /api/v1 (${list.total} messages stored)`;
  },
};

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(checks);
let failed = 0;
for (const name of wanted) {
  if (!checks[name]) { console.error(`unknown check ${name}`); failed++; continue; }
  const t0 = Date.now();
  try {
    const info = await checks[name]();
    console.log(`ok   ${name.padEnd(9)} ${info} (${Date.now() - t0} ms)`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name.padEnd(9)} ${err?.message ?? err}`);
  }
}
process.exit(failed ? 1 : 0);
