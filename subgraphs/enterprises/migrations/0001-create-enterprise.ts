import { Migration } from '@mikro-orm/migrations';

export class CreateEnterprise extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "enterprises"."enterprise" (
      "id" uuid primary key,
      "name" varchar(200) not null,
      "legal_name" varchar(200) not null,
      "siret" varchar(14) not null unique check ("siret" ~ '^[0-9]{14}$'),
      "naf_code" varchar(6) not null,
      "sector" varchar(120) not null,
      "city" varchar(120) not null,
      "headcount" integer not null check ("headcount" >= 0),
      "website" varchar(300) null,
      "verification_status" text not null check ("verification_status" in ('PENDING', 'VERIFIED', 'REJECTED')),
      "created_at" timestamptz not null
    )`);
  }
}
