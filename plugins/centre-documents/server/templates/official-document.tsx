// The page every letter of the centre shares: issuer, title and number at the top, the body,
// and the centre's name and date at the bottom right under the seal.
import type { ReactNode } from 'react';
import { Document, Text, View, StyleSheet } from '@react-pdf/renderer';
import { A4Page, SEAL_DIAMETER, SealArea, chineseOfficialDate } from '../../../../api/plugin-kit-pdf.js';
import type { DocumentData } from './document-data.js';

export const letterStyles = StyleSheet.create({
  issuer: { fontSize: 20, fontWeight: 700, textAlign: 'center', letterSpacing: 2, lineHeight: 1.4 },
  title: { fontSize: 22, fontWeight: 700, textAlign: 'center', letterSpacing: 4, marginTop: 4, lineHeight: 1.4 },
  number: { fontSize: 14, textAlign: 'right', marginTop: 12, marginBottom: 18, lineHeight: 1.4 },
  addressee: { fontSize: 15, lineHeight: 1.9 },
  paragraph: { fontSize: 15, lineHeight: 1.9, textIndent: 30 },
  attachment: { fontSize: 15, lineHeight: 1.9, marginTop: 10 },
  signature: { marginTop: 40, alignSelf: 'flex-end', alignItems: 'center', marginRight: 16, minWidth: 170 },
  signatureLine: { fontSize: 15, lineHeight: 1.8 },
  contact: { fontSize: 12, lineHeight: 1.7, marginTop: 36, borderTopWidth: 0.6, borderTopColor: '#333', paddingTop: 6 },
});

/** The centre's name and the date in Chinese, with the seal's place over them. */
export function SignatureBlock({ centreName, issuedOn }: { centreName: string; issuedOn: string }) {
  return (
    <View style={letterStyles.signature} wrap={false}>
      <Text style={letterStyles.signatureLine}>{centreName}</Text>
      <Text style={letterStyles.signatureLine}>{chineseOfficialDate(issuedOn)}</Text>
      {/* Centred on the block, as a seal is pressed across the name and the date. */}
      <SealArea style={{ top: 27 - SEAL_DIAMETER / 2, left: '50%', marginLeft: -SEAL_DIAMETER / 2 }} />
    </View>
  );
}

export function OfficialDocument({ data, title, children }: { data: DocumentData; title: string; children: ReactNode }) {
  return (
    <Document title={`${title} ${data.number}`} author={data.centreName} subject={data.caseNumber} creator="Fayuan" producer="Fayuan">
      <A4Page furniture={{ noFooter: true }}>
        <Text style={letterStyles.issuer}>{data.centreName}</Text>
        <Text style={letterStyles.title}>{title}</Text>
        <Text style={letterStyles.number}>{data.number}</Text>
        {children}
      </A4Page>
    </Document>
  );
}

export function ContactLines({ data }: { data: DocumentData }) {
  const { contact } = data;
  if (!contact || !(contact.person || contact.phone || contact.address)) return null;
  return (
    <View style={letterStyles.contact} wrap={false}>
      {contact.person ? <Text>联系人：{contact.person}</Text> : null}
      {contact.phone ? <Text>联系电话：{contact.phone}</Text> : null}
      {contact.address ? <Text>地址：{contact.address}</Text> : null}
    </View>
  );
}
