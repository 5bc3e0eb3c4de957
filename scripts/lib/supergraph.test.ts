import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildFederatedSchema } from '@stages/platform';
import { describe, expect, it } from 'vitest';
import { allSubgraphs } from './subgraphs.js';
import { composeSupergraph, readRoverConfig, ROOT, SUPERGRAPH_PATH } from './supergraph.js';

describe('supergraph composition', () => {
  it('should list every subgraph in rover.yaml, each with its own port', async () => {
    const entries = await readRoverConfig();
    expect(entries.map((entry) => entry.name)).toEqual(allSubgraphs.map((subgraph) => subgraph.name));
    for (const subgraph of allSubgraphs) {
      expect(entries.find((entry) => entry.name === subgraph.name)?.url).toBe(`http://127.0.0.1:${subgraph.defaultPort}/graphql`);
    }
  });

  it.each(allSubgraphs.map((subgraph) => [subgraph.name, subgraph] as const))(
    'should have a committed schema.graphql matching the code of %s (run `npm run compose` when this fails)',
    async (name, subgraph) => {
      const { sdl } = await buildFederatedSchema(subgraph);
      expect(await readFile(path.join(ROOT, 'subgraphs', name, 'schema.graphql'), 'utf8')).toBe(sdl);
    },
  );

  it('should compose without errors into the committed schema/supergraph.graphql (run `npm run compose` when this fails)', async () => {
    const composed = await composeSupergraph();
    expect(await readFile(SUPERGRAPH_PATH, 'utf8')).toBe(composed);
  });
});
