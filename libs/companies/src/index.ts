export * from './companies.module';
export * from './company-mapping';
export * from './company-program-project.entity';
export * from './company-program.entity';
export * from './company-team-member.entity';
export * from './company-team.entity';
export * from './company.service';
export * from './company.types';
