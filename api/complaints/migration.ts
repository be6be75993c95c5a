// Complaints stored before the complaint's state machine (status edited in the form, deadlines
// counted from receipt without holidays) brought to the new model, with plain column values:
// the state names are kept (received, accepted, not_accepted, concluded, replied all exist);
// an unfinished complaint's running deadline is recomputed with the holiday list; a concluded one
// takes its last change as its conclusion (the old form's status change) and gets its reply deadline.
import type { Migration } from '../db/migrate.js';
import { toIsoDate } from '../cases/periods.js';
import { loadSettings } from '../settings/settings.js';
import { acceptDue, replyDue } from './deadlines.js';

export const complaintWorkflowMigration: Migration = {
  name: 'core/003-complaint-workflow',
  async up(db) {
    const settings = await loadSettings(db);
    const rows = await db.selectFrom('complaints').select(['id', 'status', 'receivedAt', 'updatedAt'])
      .where('status', 'in', ['received', 'concluded']).execute();
    for (const row of rows) {
      const received = toIsoDate(row.receivedAt);
      const changed = toIsoDate(row.updatedAt);
      if (row.status === 'received' && received) {
        await db.updateTable('complaints').set({ acceptDeadline: acceptDue(received, settings) }).where('id', '=', row.id).execute();
      } else if (row.status === 'concluded' && changed) {
        await db.updateTable('complaints').set({ concludedAt: row.updatedAt, replyDeadline: replyDue(changed, settings) }).where('id', '=', row.id).execute();
      }
    }
  },
};
