// `npm run compose`: emits every subgraph's SDL, then composes schema/supergraph.graphql from rover.yaml.
import { writeFile } from 'node:fs/promises';
import { composeSupergraph, SUPERGRAPH_PATH } from './lib/supergraph.js';
import './emit-schemas.js';

const supergraph = await composeSupergraph();
await writeFile(SUPERGRAPH_PATH, supergraph);
console.log(`schema/supergraph.graphql (${supergraph.length} bytes)`);
