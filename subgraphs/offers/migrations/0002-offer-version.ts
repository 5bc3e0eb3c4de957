import { Migration } from '@mikro-orm/migrations';

// Guards status changes: two made at once from the same status cannot both commit.
export class OfferVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "offers"."offer" add column "version" integer not null default 1`);
  }
}
