import { runSubgraphProcess } from '@stages/platform';
import { internshipsSubgraph } from './service.js';

await runSubgraphProcess(internshipsSubgraph);
