import { Migration } from '@mikro-orm/migrations';

export class EventTally extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "reports"."event_tally" (
      "day" date not null,
      "type" varchar(100) not null,
      "count" integer not null check ("count" > 0),
      primary key ("day", "type")
    )`);
  }
}
