import { applicationsSubgraph } from '@stages/subgraph-applications/service';
import { authSubgraph } from '@stages/subgraph-auth/service';
import { documentsSubgraph } from '@stages/subgraph-documents/service';
import { enterprisesSubgraph } from '@stages/subgraph-enterprises/service';
import { internshipsSubgraph } from '@stages/subgraph-internships/service';
import { notificationsSubgraph } from '@stages/subgraph-notifications/service';
import { offersSubgraph } from '@stages/subgraph-offers/service';
import { reportsSubgraph } from '@stages/subgraph-reports/service';
import { studentsSubgraph } from '@stages/subgraph-students/service';
import { universitiesSubgraph } from '@stages/subgraph-universities/service';
import type { SubgraphDefinition } from '@stages/platform';

/** Every subgraph, in rover.yaml order. Only tools that run the whole platform import them all. */
export const allSubgraphs = [
  authSubgraph,
  studentsSubgraph,
  enterprisesSubgraph,
  universitiesSubgraph,
  offersSubgraph,
  applicationsSubgraph,
  internshipsSubgraph,
  documentsSubgraph,
  notificationsSubgraph,
  reportsSubgraph,
] as unknown as SubgraphDefinition<unknown>[];
