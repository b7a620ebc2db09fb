import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agency' })
export class AgencyOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'credit_code', unique: true }) creditCode!: string;
  @Column('text') region!: string;
  @Column('text') status!: string;
  @Column('int', { name: 'status_sequence' }) statusSequence!: number;
  /** JSON array of the offered item codes (jsonb). */
  @Column('jsonb', { name: 'service_items' }) serviceItems!: string[];
  @Column('int', { name: 'service_items_sequence' }) serviceItemsSequence!: number;
  /** Optimistic lock: every update names the version it read. */
  @Column('int') version!: number;
}
