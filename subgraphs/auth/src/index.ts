import { runSubgraphProcess } from '@stages/platform';
import { authSubgraph } from './service.js';

await runSubgraphProcess(authSubgraph);
