import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SUPERGRAPH_PATH = path.join(ROOT, 'schema/supergraph.graphql');
export const SUBSCRIPTIONS_PATH = path.join(ROOT, 'schema/subscriptions.graphql');

interface RoverConfig {
  subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
}

export interface SubgraphEntry {
  name: string;
  url: string;
  schemaFile: string;
}

/** The subgraphs listed in rover.yaml, with their routing URLs and SDL files. */
export async function readRoverConfig(): Promise<SubgraphEntry[]> {
  const config = parseYaml(await readFile(path.join(ROOT, 'rover.yaml'), 'utf8')) as RoverConfig;
  return Object.entries(config.subgraphs).map(([name, entry]) => ({
    name,
    url: entry.routing_url,
    schemaFile: path.resolve(ROOT, entry.schema.file),
  }));
}

/** Composes the SDL files named in rover.yaml as rover would; throws with every composition error. */
export async function composeSupergraph(): Promise<string> {
  const entries = await readRoverConfig();
  const services = await Promise.all(
    entries.map(async (entry) => ({ name: entry.name, url: entry.url, typeDefs: parse(await readFile(entry.schemaFile, 'utf8')) })),
  );
  const result = composeServices(services);
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  return result.supergraphSdl;
}
