import { defineSubgraph, parseId } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { Student } from './student/student.entity.js';
import { StudentResolver, UniversityStudentsResolver } from './student/student.resolver.js';

export const studentsSubgraph = defineSubgraph({
  name: 'students',
  defaultPort: 8002,
  entities: [Student],
  migrations,
  resolvers: [StudentResolver, UniversityStudentsResolver],
  referenceResolvers: {
    Student: { __resolveReference: (reference, ctx) => ctx.loaders.studentById.load(parseId(reference.id)) },
    University: { __resolveReference: (reference) => ({ id: reference.id }) },
  },
  createLoaders,
});
