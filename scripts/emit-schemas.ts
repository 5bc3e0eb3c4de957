// Writes each subgraph's SDL to subgraphs/<name>/schema.graphql from its type-graphql code.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildFederatedSchema } from '@stages/platform';
import { allSubgraphs } from './lib/subgraphs.js';
import { ROOT } from './lib/supergraph.js';

for (const subgraph of allSubgraphs) {
  const { sdl } = await buildFederatedSchema(subgraph);
  await writeFile(path.join(ROOT, 'subgraphs', subgraph.name, 'schema.graphql'), sdl);
  console.log(`subgraphs/${subgraph.name}/schema.graphql`);
}
