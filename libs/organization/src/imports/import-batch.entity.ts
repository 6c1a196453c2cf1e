import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ImportKind } from './import-kind';

export type { ImportKind } from './import-kind';

/** One accepted import file and what it changed. */
@Entity('import_batches')
export class ImportBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  kind: ImportKind;

  @Column({ name: 'file_name', type: 'varchar' })
  fileName: string;

  @Column({ type: 'varchar' })
  sha256: string;

  @Column({ name: 'row_count', type: 'integer' })
  rowCount: number;

  @Column({ name: 'created_rows', type: 'integer', default: 0 })
  createdRows: number;

  @Column({ name: 'updated_rows', type: 'integer', default: 0 })
  updatedRows: number;

  @Column({ name: 'unchanged_rows', type: 'integer', default: 0 })
  unchangedRows: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /** The deepest unit containing every row of the file (null: rows in several cities); decides who may read the batch. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ name: 'unit_path', type: 'text', nullable: true })
  unitPath: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
