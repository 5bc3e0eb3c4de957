import { Migration } from '@mikro-orm/migrations';

export class MembershipRequests extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "enterprises"."membership_request" (
      "id" uuid primary key,
      "enterprise_id" uuid not null references "enterprises"."enterprise" ("id") on delete cascade,
      "user_id" uuid not null,
      "display_name" varchar(120) not null,
      "email" varchar(254) not null,
      "status" text not null check ("status" in ('PENDING', 'APPROVED', 'REJECTED')),
      "decided_by" uuid null,
      "decided_at" timestamptz null,
      "created_at" timestamptz not null,
      unique ("enterprise_id", "user_id")
    )`);
    this.addSql(`create index "membership_request_enterprise_id_index" on "enterprises"."membership_request" ("enterprise_id", "id")`);
  }
}
