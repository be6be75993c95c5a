import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from '../../../api/plugin-kit.js';

const standardFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'standard-templates.json');

export const migrations: Migration[] = [
  {
    name: '001-checklist-snapshots',
    async up(db) {
      await db.schema.createTable('case_file_snapshots')
        .addColumn('caseId', 'integer', (c) => c.primaryKey().references('cases.id'))
        .addColumn('templateId', 'integer', (c) => c.notNull())
        .addColumn('templateName', 'text', (c) => c.notNull())
        .addColumn('templateVersion', 'integer', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('takenAt', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    // The county's uniform case-file layouts (seed 001 item 12), as data admins then edit.
    // Written in the table's form of the time, not through today's declaration.
    name: '002-standard-templates',
    async up(db, dialect) {
      const standard = JSON.parse(fs.readFileSync(standardFile, 'utf8')) as Record<string, unknown>[];
      const now = new Date().toISOString();
      for (const template of standard) {
        const exists = await db.selectFrom('case_file_templates').select('id').where('name', '=', String(template.name)).executeTakeFirst();
        if (exists) continue;
        await db.insertInto('case_file_templates').values({
          name: template.name, caseType: template.caseType, criminalStage: template.criminalStage ?? null,
          active: dialect === 'postgres' ? template.active !== false : template.active === false ? 0 : 1,
          description: template.description ?? null, items: JSON.stringify(template.items),
          version: 1, createdAt: now, updatedAt: now,
        }).execute();
      }
    },
  },
];
