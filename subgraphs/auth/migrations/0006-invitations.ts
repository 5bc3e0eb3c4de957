import { Migration } from '@mikro-orm/migrations';

export class Invitations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "auth"."email_token" drop constraint "email_token_purpose_check"`);
    this.addSql(`alter table "auth"."email_token" add constraint "email_token_purpose_check" check ("purpose" in ('VERIFY_EMAIL', 'RESET_PASSWORD', 'INVITATION'))`);
  }
}
