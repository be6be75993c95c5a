// Indexes for the yearly figures (reports/indicators.ts): the closed-case pass reads cases by
// closedAt; the application pass is covered by one index, so SQLite answers it from the index alone.
import type { Migration } from '../db/migrate.js';

export const reportMigrations: Migration[] = [
  {
    name: 'core/reports-001-indicator-indexes',
    async up(db) {
      await db.schema.createIndex('cases_closedAt_idx').ifNotExists().on('cases').column('closedAt').execute();
      await db.schema.createIndex('cases_indicators_idx').ifNotExists().on('cases')
        .columns(['applicationDate', 'status', 'caseType', 'servicePointId', 'lawyerId', 'applicantGroups']).execute();
    },
  },
];
