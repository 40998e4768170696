import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { installTransactionGuard } from './transaction-guard';

// Entities are registered by each context's module (TypeOrmModule.forFeature) and picked up here.
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.DATABASE_URL, config),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [
    {
      // Installed once the pool exists; see transaction-guard.ts.
      provide: 'TRANSACTION_GUARD',
      inject: [DataSource, AppConfig],
      useFactory: (dataSource: DataSource, config: AppConfig) => {
        const on = config.DATABASE_TRANSACTION_GUARD ?? config.NODE_ENV !== 'production';
        if (on) installTransactionGuard(dataSource);
        return on;
      },
    },
  ],
})
export class DatabaseModule {}
