import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum Role {
  STUDENT = 'STUDENT',
  ENTERPRISE = 'ENTERPRISE',
  UNIVERSITY_ADMIN = 'UNIVERSITY_ADMIN',
  UNIVERSITY_SUPERVISOR = 'UNIVERSITY_SUPERVISOR',
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
}

export enum UserStatus {
  PENDING_VERIFICATION = 'PENDING_VERIFICATION',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}

export enum Locale {
  FR = 'fr',
  EN = 'en',
}

registerEnumType(Role, { name: 'Role' });
registerEnumType(UserStatus, { name: 'UserStatus' });
registerEnumType(Locale, { name: 'Locale', description: 'Language of the messages a person reads.' });

@ObjectType({ description: 'An account that can sign in to Stages.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'user' })
export class User {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  displayName!: string;

  @Field(() => [Role])
  @Enum({ items: () => Role, array: true, type: 'text[]' })
  roles: Role[] = [];

  @Field(() => UserStatus)
  @Enum({ items: () => UserStatus, type: 'string' })
  status: UserStatus = UserStatus.PENDING_VERIFICATION;

  @Field(() => Locale)
  @Enum({ items: () => Locale, type: 'string' })
  locale: Locale = Locale.FR;

  /** argon2id hash; never loaded unless asked for, never exposed. */
  @Property({ type: 'string', length: 255, nullable: true, hidden: true, lazy: true })
  passwordHash: string | null = null;

  /** Organisations the account acts for; they travel in access tokens for ownership checks. */
  @Property({ type: 'uuid', nullable: true })
  studentId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  enterpriseId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  universityId: string | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'Date', nullable: true })
  emailVerifiedAt: Date | null = null;

  @Property({ type: 'Date', nullable: true })
  lastLoginAt: Date | null = null;

  /** Base32 TOTP secret once two-factor sign-in is on; never exposed. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true, lazy: true })
  totpSecret: string | null = null;

  /** Secret shown during setup, until a first code confirms it. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true, lazy: true })
  totpPendingSecret: string | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When two-factor sign-in was turned on; null when off.' })
  @Property({ type: 'Date', nullable: true })
  totpEnabledAt: Date | null = null;

  /** Time step of the last accepted code: a code is accepted once (no replay). */
  @Property({ type: 'bigint', nullable: true, hidden: true })
  totpLastTimeStep: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
