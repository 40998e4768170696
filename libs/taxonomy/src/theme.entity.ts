import { Column, Entity, PrimaryColumn } from 'typeorm';

// Themes are data, not an enum: programs add their own (seeded with the national four).
@Entity()
export class Theme {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  nameJa!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;
}
