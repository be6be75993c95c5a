// Demo data: the materials a real centre would already hold for the demo cases.
import type { FileStore, Records, ResourceDefinition, Row } from '../../../api/plugin-kit.js';
import { activeTemplates, chooseTemplate } from './checklist.js';

/** A one-page PDF naming the material: enough for the viewer and the type check. */
export function placeholderPdf(title: string): Uint8Array {
  const text = `Fayuan demo material: ${title}`.replace(/[()\\]/g, '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** Centre items for every assigned case; lawyer items for cases further on; in-progress cases half done. */
export async function seedDemoFiles(records: Records, store: FileStore, filesResource: ResourceDefinition, limit = 3000) {
  const { db } = records.database;
  const cases = await db.selectFrom('cases').selectAll()
    .where('status', 'in', ['assigned', 'in_progress', 'closing_submitted', 'closed', 'archived'])
    .orderBy('id').limit(limit).execute();
  const templates = await activeTemplates(db);
  const blobs = new Map<string, { sha256: string; size: number }>();
  const rows: Row[] = [];
  for (const caseRow of cases) {
    const items = chooseTemplate(templates, caseRow)?.items ?? [];
    for (const [index, item] of items.entries()) {
      const lawyerShare = caseRow.status === 'in_progress' ? index % 2 === 0 : caseRow.status !== 'assigned';
      const wanted = item.suppliedBy === 'centre' ? true : item.required && lawyerShare;
      if (!wanted) continue;
      let blob = blobs.get(item.key);
      if (!blob) {
        blob = await store.put(placeholderPdf(item.key));
        blobs.set(item.key, blob);
      }
      const at = new Date(String(caseRow.assignedAt ?? caseRow.updatedAt)).toISOString();
      rows.push({
        caseId: Number(caseRow.id), itemKey: item.key, itemName: item.name, originalName: `${item.name}.pdf`, kind: 'pdf',
        mimeType: 'application/pdf', size: blob.size, sha256: blob.sha256,
        uploadedBy: item.suppliedBy === 'centre' ? 'admin@fayuan.test' : 'lawyer',
        createdAt: at, updatedAt: at,
      });
    }
  }
  // Archived demo cases keep the template they were archived with, as real ones do.
  const snapshots = cases.filter((c) => c.status === 'archived').flatMap((caseRow) => {
    const template = chooseTemplate(templates, caseRow);
    return template ? [{
      caseId: Number(caseRow.id), templateId: template.id, templateName: template.name, templateVersion: template.version,
      items: JSON.stringify(template.items), takenAt: new Date(String(caseRow.archivedAt)).toISOString(),
    }] : [];
  });
  await db.transaction().execute(async (trx) => {
    await records.seedRows(filesResource, rows, trx);
    for (let i = 0; i < snapshots.length; i += 500) await trx.insertInto('case_file_snapshots').values(snapshots.slice(i, i + 500)).execute();
  });
}
