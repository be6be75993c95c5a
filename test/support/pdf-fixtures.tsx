// Small documents for the PDF toolkit's tests.
import { Document, Text, View } from '@react-pdf/renderer';
import { A4Page, SealArea, pdfStyles, renderPdf } from '../../api/pdf/index.js';

/** A long Chinese paragraph full of punctuation, repeated until it fills more than a page. */
export const LONG_CHINESE =
  '经审查，申请人王秀兰（女，农民工）因用人单位拖欠劳动报酬，于二〇二六年十一月申请法律援助；其提交的《法律援助申请表》、身份证明、劳动合同、考勤记录与银行流水等材料齐全。' +
  '根据《中华人民共和国法律援助法》第三十一条、第四十二条的规定，农民工请求支付劳动报酬的，免予核查经济困难状况！承办律师应当“及时会见受援人”，告知其权利义务：包括如实陈述案件事实、提供证据材料等？' +
  'The lawyer met the applicant twice at the centre and reviewed the payroll records in detail. 受援人表示理解并配合。';

export function longParagraphPdf(repeat = 6): Promise<Buffer> {
  return renderPdf(
    <Document>
      <A4Page furniture={{ headerLeft: '江州市江北区法律援助中心', headerRight: '案号：（2026）江北援字第0318号' }}>
        {Array.from({ length: repeat }, (_, i) => (
          <Text key={i} style={pdfStyles.indented}>
            {LONG_CHINESE}
          </Text>
        ))}
      </A4Page>
    </Document>,
  );
}

/** A one-page letter with a signing area under the centre's name. */
export function letterWithSealArea(centreName: string): Promise<Buffer> {
  return renderPdf(
    <Document>
      <A4Page furniture={{ noFooter: true }}>
        <Text style={pdfStyles.paragraph}>{LONG_CHINESE}</Text>
        <View style={{ marginTop: 60, alignSelf: 'flex-end', width: 180 }}>
          <Text>{centreName}</Text>
          <Text>二〇二六年十二月一日</Text>
          <SealArea style={{ top: -40, left: 30 }} />
        </View>
      </A4Page>
    </Document>,
  );
}
