import { runSubgraphProcess } from '@stages/platform';
import { enterprisesSubgraph } from './service.js';

await runSubgraphProcess(enterprisesSubgraph);
