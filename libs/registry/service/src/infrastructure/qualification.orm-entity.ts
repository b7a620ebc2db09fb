import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'qualification' })
export class QualificationOrmEntity {
  @PrimaryColumn('text') id!: string;
  @Column('uuid', { name: 'agency_id' }) agencyId!: string;
  @Column('text', { name: 'service_item_code' }) serviceItemCode!: string;
  @Column('int') level!: number;
  @Column('date', { name: 'valid_from' }) validFrom!: string;
  @Column('date', { name: 'valid_until' }) validUntil!: string;
  @Column('text', { name: 'certificate_number', nullable: true }) certificateNumber!: string | null;
  @Column('timestamptz', { name: 'expired_at', nullable: true }) expiredAt!: Date | string | null;
}
