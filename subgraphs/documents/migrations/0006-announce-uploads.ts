import { Migration } from '@mikro-orm/migrations';

// The applications subgraph learns who uploaded which document from `document.uploaded` (since migration 0004):
// uploads made before are announced once through the outbox, as their mutations would have, so a deployment
// keeps accepting its students' existing CVs on applications (the consumer ignores an upload it knows).
export const ANNOUNCE_UPLOADS_SQL = `insert into "documents"."outbox" ("id", "topic", "type", "key", "payload", "headers", "occurred_at")
  select gen_random_uuid(), 'stages.document', 'document.uploaded', "id"::text,
    jsonb_build_object('documentId', "id", 'ownerId', "owner_id", 'kind', "kind"),
    jsonb_build_object('source', '/subgraphs/documents'), now()
  from "documents"."document" where "owner_id" is not null order by "id"`;

export class AnnounceUploads extends Migration {
  override async up(): Promise<void> {
    this.addSql(ANNOUNCE_UPLOADS_SQL);
  }
}
