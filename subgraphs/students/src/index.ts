import { runSubgraphProcess } from '@stages/platform';
import { studentsSubgraph } from './service.js';

await runSubgraphProcess(studentsSubgraph);
