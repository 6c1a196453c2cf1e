import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type Gender = 'male' | 'female';

/**
 * A person (resident first; some are party members). Phone and ID number are stored encrypted
 * (`*_cipher`), found by keyed hash (`*_index`) and shown masked (`*_masked`); reading the full
 * value is the audited reveal.
 */
@Entity('people')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  name: string;

  @Column({ name: 'phone_cipher', type: 'text', nullable: true })
  phoneCipher: string | null;

  @Column({ name: 'phone_index', type: 'varchar', nullable: true })
  phoneIndex: string | null;

  @Column({ name: 'phone_masked', type: 'varchar', nullable: true })
  phoneMasked: string | null;

  @Column({ name: 'id_number_cipher', type: 'text', nullable: true })
  idNumberCipher: string | null;

  @Column({ name: 'id_number_index', type: 'varchar', nullable: true })
  idNumberIndex: string | null;

  @Column({ name: 'id_number_masked', type: 'varchar', nullable: true })
  idNumberMasked: string | null;

  @Column({ type: 'varchar', nullable: true })
  gender: Gender | null;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  /** As precise as known: building, complex, grid or community. */
  @Column({ name: 'residence_unit_id', type: 'uuid' })
  residenceUnitId: string;

  @Column({ name: 'residence_path', type: 'text' })
  residencePath: string;

  /**
   * The household (户号, a room or door number such as `3-502`): people of one residence unit with
   * the same code form one household; without a code a person is a household of their own.
   */
  @Column({ name: 'household_code', type: 'varchar', nullable: true })
  householdCode: string | null;

  /** The key of imports (the district office's own id). */
  @Column({ name: 'external_id', type: 'varchar', nullable: true })
  externalId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
