// renderCaseFile: the standard case file (标准卷宗) as one PDF: cover, catalogue with real page
// numbers, case summary, materials list, quality results, and the bound materials themselves.
import { Document, Image, Text, View } from '@react-pdf/renderer';
import { A4Page, renderPdfWithPages, type PageFurniture } from '../../../api/plugin-kit-pdf.js';
import type { CaseFileAttachment, CaseFileData } from './case-file-data.js';
import { CAPTION_HEIGHT, FRAME, boundMaterials, drawBoundPdfs, type BoundMaterial } from './bound-materials.js';
import { Catalogue, type CatalogueEntry } from './sections/catalogue.js';
import { Cover } from './sections/cover.js';
import { SectionTitle, caseFileStyles } from './sections/layout.js';
import { MaterialsList } from './sections/materials.js';
import { QualityResults, hasQualityResults } from './sections/quality.js';
import { CaseSummary } from './sections/summary.js';

export type { CaseFileAttachment, CaseFileData } from './case-file-data.js';

interface Layout {
  data: CaseFileData;
  bound: BoundMaterial[];
  entries: CatalogueEntry[];
}

function catalogueEntries(data: CaseFileData, bound: BoundMaterial[]): CatalogueEntry[] {
  return [
    { id: 'cover', title: '封面' },
    { id: 'catalogue', title: '目录' },
    { id: 'summary', title: '案件概况' },
    { id: 'materials', title: '卷内材料清单' },
    ...(hasQualityResults(data.quality) ? [{ id: 'quality', title: '办案质量评价' }] : []),
    ...bound.map((material) => ({
      id: material.id,
      title: `${material.label}：${material.name}`,
      remark: material.kind === 'pdf' ? `PDF，${material.pageCount} 页` : '图片',
    })),
  ];
}

/** A section: a page of its own, and a link destination whose page the catalogue shows. */
function Section({ id, title, furniture, children }: { id: string; title?: string; furniture: PageFurniture; children: React.ReactNode }) {
  return (
    <A4Page furniture={furniture}>
      <View id={id}>
        {title ? <SectionTitle>{title}</SectionTitle> : null}
      </View>
      {children}
    </A4Page>
  );
}

function BoundMaterialPages({ material, index, furniture }: { material: BoundMaterial; index: number; furniture: PageFurniture }) {
  const caption = (page: number) =>
    `附件 ${index + 1}　${material.label}：${material.name}${material.pageCount > 1 ? `（第 ${page}/${material.pageCount} 页）` : ''}`;
  return (
    <>
      {Array.from({ length: material.pageCount }, (_, i) => (
        <A4Page key={i} furniture={furniture}>
          <View id={i === 0 ? material.id : undefined} style={{ height: CAPTION_HEIGHT }}>
            <Text style={[caseFileStyles.text, { fontWeight: 700 }]}>{caption(i + 1)}</Text>
          </View>
          {material.kind === 'pdf' ? null : (
            <Image src={{ data: material.bytes, format: material.kind === 'png' ? 'png' : 'jpg' }} style={{ width: FRAME.width, height: FRAME.height - 4, objectFit: 'contain', objectPosition: 'top' }} />
          )}
        </A4Page>
      ))}
    </>
  );
}

function CaseFileDocument({ data, bound, entries }: Layout) {
  const furniture: PageFurniture = { headerLeft: data.centreName, headerRight: `案号：${data.caseNumber}` };
  const isBound = (itemKey: string, name: string) => bound.some((m) => m.itemKey === itemKey && m.name === name);
  return (
    <Document title={`法律援助案件卷宗 ${data.caseNumber}`} author={data.centreName} subject={data.cause} creator="Fayuan" producer="Fayuan">
      <Section id="cover" furniture={{ ...furniture, headerLeft: undefined, headerRight: undefined }}>
        <Cover data={data} />
      </Section>
      <Section id="catalogue" furniture={furniture}>
        <Catalogue entries={entries} />
      </Section>
      <Section id="summary" title="案件概况" furniture={furniture}>
        <CaseSummary data={data} />
      </Section>
      <Section id="materials" title="卷内材料清单" furniture={furniture}>
        <MaterialsList data={data} bound={isBound} />
      </Section>
      {hasQualityResults(data.quality) ? (
        <Section id="quality" title="办案质量评价" furniture={furniture}>
          <QualityResults quality={data.quality} />
        </Section>
      ) : null}
      {bound.map((material, index) => (
        <BoundMaterialPages key={material.id} material={material} index={index} furniture={furniture} />
      ))}
    </Document>
  );
}

/**
 * Renders the case file in one pass: the catalogue's page numbers are filled in once the pages are
 * laid out, and the bound PDFs are drawn into the frame pages their materials' elements landed on.
 */
export async function renderCaseFile(data: CaseFileData, attachments: CaseFileAttachment[]): Promise<Buffer> {
  const bound = await boundMaterials(data, attachments);
  const entries = catalogueEntries(data, bound);
  const { pdf, pageOf } = await renderPdfWithPages(<CaseFileDocument data={data} bound={bound} entries={entries} />);
  return drawBoundPdfs(pdf, bound, pageOf);
}
