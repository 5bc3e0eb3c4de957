import { Migration } from '@mikro-orm/migrations';

// What the offers subgraph knows of each enterprise, from the enterprises' and accounts' events: whether it may
// publish (verification) and its sector, copied onto its offers for the sector filter and facet.
export class EnterpriseProfile extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "offers"."enterprise_profile" (
      "enterprise_id" uuid primary key,
      "sector" varchar(200) null,
      "verification_status" text not null default 'PENDING' check ("verification_status" in ('PENDING', 'SUBMITTED', 'VERIFIED', 'REJECTED')),
      "rejection_reason" text null,
      "updated_at" timestamptz not null
    )`);
  }
}
