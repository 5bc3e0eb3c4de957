import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { applicationAcceptedConsumer } from './consumers/application-accepted.js';
import { applicationCreatedConsumer } from './consumers/application-created.js';
import { supervisorAssignedConsumer } from './consumers/supervisor-assigned.js';
import { userRegisteredConsumer } from './consumers/user-registered.js';
import { Placement } from './student/placement.entity.js';
import { Supervision } from './student/supervision.entity.js';
import { ApplicantLink } from './student/applicant-link.entity.js';
import { createLoaders } from './context.js';
import { Student } from './student/student.entity.js';
import { canReadStudent } from './student/student.policy.js';
import { StudentResolver, UniversityStudentsResolver } from './student/student.resolver.js';

export const studentsSubgraph = defineSubgraph({
  name: 'students',
  defaultPort: 8002,
  entities: [Student, ApplicantLink, Supervision, Placement],
  migrations,
  resolvers: [StudentResolver, UniversityStudentsResolver],
  referenceResolvers: {
    Student: {
      __resolveReference: (reference, ctx) =>
        resolveVisibleReference(ctx.loaders.studentById, reference.id, ctx.viewer, (student) =>
          canReadStudent(ctx.viewer, student, ctx.loaders.relations),
        ),
    },
    University: { __resolveReference: (reference) => ({ id: reference.id }) },
  },
  createLoaders,
  consumers: [userRegisteredConsumer, applicationCreatedConsumer, supervisorAssignedConsumer, applicationAcceptedConsumer],
});
