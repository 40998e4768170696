export * from './project-mapping';
export * from './project.entity';
export * from './project.service';
export * from './project.types';
export * from './projects.module';
