import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'account' })
export class AccountOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { unique: true }) username!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text') role!: string;
  @Column('text', { name: 'organization_id', nullable: true }) organizationId!: string | null;
  @Column('text') status!: string;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('int', { name: 'failed_logins' }) failedLogins!: number;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  /** Optimistic lock for changes made without a row lock. */
  @Column('int') version!: number;
}
