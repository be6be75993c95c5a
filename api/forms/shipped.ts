// The definitions shipped in forms/ become revision 1, published, of each key an empty database lacks.
import type { Migration } from '../db/migrate.js';
import { loadForms } from '../meta/forms.js';

export const shippedForms: Migration = {
  name: 'core/002-shipped-forms',
  async up(db) {
    await db.schema.createIndex('forms_key_revision_key').ifNotExists().on('forms').columns(['key', 'revision']).unique().execute();
    const now = new Date().toISOString();
    for (const definition of loadForms()) {
      const exists = await db.selectFrom('forms').select('id').where('key', '=', definition.key).executeTakeFirst();
      if (exists) continue;
      await db.insertInto('forms').values({
        key: definition.key, revision: 1, status: 'published', publishedAt: now, title: definition.title.zh,
        definition: JSON.stringify(definition), version: 1, createdAt: now, updatedAt: now,
      }).execute();
    }
  },
};
