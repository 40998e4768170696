export * from './skill-alias.entity';
export * from './skill-category.entity';
export * from './skill.entity';
export * from './taxonomy-mapping';
export * from './taxonomy.module';
export * from './taxonomy.types';
export * from './theme.entity';
export * from './theme.service';
