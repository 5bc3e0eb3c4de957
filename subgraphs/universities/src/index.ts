import { runSubgraphProcess } from '@stages/platform';
import { universitiesSubgraph } from './service.js';

await runSubgraphProcess(universitiesSubgraph);
