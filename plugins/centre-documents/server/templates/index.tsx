// renderDocument: the centre's documents (法律援助文书) as unsigned PDFs; seal them with signPdf.
import { Text } from '@react-pdf/renderer';
import { renderPdf } from '../../../../api/plugin-kit-pdf.js';
import { ClosingApprovalTable } from './closing-approval.js';
import { DOCUMENT_TITLES, type DocumentData, type DocumentKind } from './document-data.js';
import { ContactLines, OfficialDocument, SignatureBlock, letterStyles } from './official-document.js';
import { letterWording } from './wording.js';

export * from './document-data.js';
export { letterWording } from './wording.js';

export async function renderDocument(kind: DocumentKind, data: DocumentData): Promise<Buffer> {
  const title = DOCUMENT_TITLES[kind];
  if (kind === 'closing_approval') {
    if (!data.closing) throw new RangeError('closing_approval needs closing');
    return renderPdf(
      <OfficialDocument data={data} title={title}>
        <ClosingApprovalTable data={data} closing={data.closing} />
      </OfficialDocument>,
    );
  }
  const wording = letterWording(kind, data);
  return renderPdf(
    <OfficialDocument data={data} title={title}>
      <Text style={letterStyles.addressee}>{wording.addressee}</Text>
      {wording.paragraphs.map((paragraph, i) => (
        <Text key={i} style={letterStyles.paragraph}>{paragraph}</Text>
      ))}
      {wording.attachments ? <Text style={letterStyles.attachment}>{`附：${wording.attachments.join('；')}`}</Text> : null}
      <SignatureBlock centreName={data.centreName} issuedOn={data.issuedOn} />
      {wording.copiesTo?.length ? <Text style={letterStyles.attachment}>{`抄送：${wording.copiesTo.join('、')}`}</Text> : null}
      <ContactLines data={data} />
    </OfficialDocument>,
  );
}
