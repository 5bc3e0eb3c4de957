import { ConnectionType, findPage, loadByIdOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { DocumentsContext } from '../context.js';
import { Document } from './document.entity.js';

export const DocumentConnection = ConnectionType(Document);

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, { description: 'One document by id; NOT_FOUND when there is none.' })
  document(@Arg('id', () => ID) id: string, @Ctx() ctx: DocumentsContext): Promise<Document> {
    return loadByIdOrThrow(ctx.loaders.documentById, 'Document', id);
  }

  @Query(() => DocumentConnection, { description: 'Documents, oldest first, as a Relay connection.' })
  documents(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: DocumentsContext): Promise<Connection<Document>> {
    return findPage(ctx.em, Document, {}, args);
  }
}
