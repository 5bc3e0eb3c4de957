// `npm start`: the whole platform on the embedded default (or on real services where configured), with demo data.
import path from 'node:path';
import { describeInfrastructure, exitOnStartupError, onShutdown } from '@stages/platform';
import { processTreePssBytes } from './lib/memory.js';
import { startPlatform } from './lib/platform.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

try {
  const platform = await startPlatform(process.env, say);
  const readyMs = performance.now();
  // Postgres runs as a child process: the tree of this process holds both.
  const totalMemory = await processTreePssBytes(process.pid);
  const postgresMemory = platform.postgres?.pid ? await processTreePssBytes(platform.postgres.pid) : 0;
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

  say('');
  say(`Stages is ready at ${platform.gatewayUrl} (GraphQL API: ${platform.graphqlUrl})`);
  say('');
  for (const [name, subgraph] of platform.subgraphs) say(`  ${name.padEnd(14)} ${subgraph.url}`);
  say('');
  say(
    `  database       ${platform.postgres ? `embedded Postgres, data in ${path.relative(process.cwd(), path.resolve(process.env.STAGES_DATA_DIR ?? '.data')) || '.'}` : 'DATABASE_URL'}`,
  );
  say(`  adapters       ${describeInfrastructure(platform.infrastructure)}`);
  say(`  demo data      ${platform.seeded > 0 ? `${platform.seeded} rows seeded` : 'already present'}`);
  say(
    `  ready in       ${(readyMs / 1000).toFixed(1)} s; memory ${mb(totalMemory)} (Node ${mb(totalMemory - postgresMemory)}${platform.postgres ? ` + Postgres ${mb(postgresMemory)}` : ''})`,
  );
  if (platform.demoAccounts) {
    say('');
    say(`  demo accounts  password for each: ${platform.demoAccounts.password}`);
    for (const { role, email } of platform.demoAccounts.accounts) say(`    ${role.padEnd(22)} ${email}`);
  }
  say('');
  say('Press Ctrl-C to stop.');

  onShutdown(async (signal) => {
    say(`\n${signal}: finishing requests in flight, then stopping…`);
    await platform.stop();
    say('Stopped.');
  });
} catch (error) {
  exitOnStartupError(error);
}
