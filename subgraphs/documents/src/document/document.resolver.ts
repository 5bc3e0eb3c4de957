import { authorize, ConnectionType, findPage, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DocumentsContext } from '../context.js';
import { Application } from '../external/application.js';
import { Student } from '../external/student.js';
import { Document, DocumentContent } from './document.entity.js';
import { UploadDocumentInput } from './document.inputs.js';
import { documentScope } from './document.policy.js';
import { readDocumentContent, setStudentCv, uploadDocument } from './document.service.js';

export const DocumentConnection = ConnectionType(Document);

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, {
    description:
      'One document: its owner, the parties of its internship (generated documents), the student’s university staff (a profile CV), the recruiters of an enterprise it was sent to with an application (until it is withdrawn or rejected), system administrators.',
  })
  document(@Arg('id', () => ID) id: string, @Ctx() ctx: DocumentsContext): Promise<Document> {
    return loadVisibleOrThrow(ctx.loaders.documentById, 'Document', id, ctx.viewer, ctx.loaders.canRead);
  }

  @Query(() => DocumentConnection, { description: 'The caller’s documents (all of them for system administrators), oldest first.' })
  documents(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: DocumentsContext): Promise<Connection<Document>> {
    const scope = documentScope(ctx.viewer);
    authorize(ctx.viewer, scope !== null);
    return findPage(ctx.em, Document, scope!, args);
  }

  @Query(() => DocumentContent, { description: 'Downloads a document (base64): whoever may read it.' })
  documentContent(@Arg('id', () => ID) id: string, @Ctx() ctx: DocumentsContext): Promise<DocumentContent> {
    return readDocumentContent(ctx, id);
  }

  @Mutation(() => Document, { description: 'Uploads a file for the signed-in user (a PDF of at most 5 MB; PNG or JPEG scans for a CONVENTION); emits document.uploaded.' })
  uploadDocument(@Arg('input', () => UploadDocumentInput) input: UploadDocumentInput, @Ctx() ctx: DocumentsContext): Promise<Document> {
    return uploadDocument(ctx, input);
  }
}

@Resolver(() => Student)
export class StudentCvResolver {
  @Mutation(() => Student, { description: 'The signed-in student shows one of their own CV documents on their profile (null: none); their university’s staff may then read it.' })
  setStudentCv(@Arg('documentId', () => ID, { nullable: true }) documentId: string | null | undefined, @Ctx() ctx: DocumentsContext): Promise<Student> {
    return setStudentCv(ctx, documentId);
  }

  @FieldResolver(() => Document, {
    nullable: true,
    description:
      'The CV on the student’s profile: null when none, or for a caller who may not read it (the student, their university’s staff, the recruiters of an enterprise the student sent it to with an application, and system administrators may).',
  })
  async cv(@Root() student: Student, @Ctx() ctx: DocumentsContext): Promise<Document | null> {
    const document = await ctx.loaders.profileCvByStudent.load(student.id);
    return document && (await ctx.loaders.canRead(document)) ? document : null;
  }
}

@Resolver(() => Application)
export class ApplicationDocumentsResolver {
  @FieldResolver(() => [Document], {
    description:
      'The documents the student attached to the application, in the order attached, as the caller may read them: the student all of theirs, the enterprise’s recruiters until the application is withdrawn or rejected.',
  })
  @Directive('@requires(fields: "documentIds")')
  documents(@Root() application: Application, @Ctx() ctx: DocumentsContext): Promise<Document[]> {
    return ctx.loaders.readableDocuments(application.documentIds ?? []);
  }
}
