// 卷内材料清单: each item of the case's template, supplied or missing, with its files' names,
// sizes and SHA-256 digests, and whether each file is bound into this case file.
import { Text, View } from '@react-pdf/renderer';
import type { CaseFileData } from '../case-file-data.js';
import { Table, caseFileStyles, fileSize } from './layout.js';

export function MaterialsList({ data, bound }: { data: CaseFileData; bound: (itemKey: string, fileName: string) => boolean }) {
  const rows = data.materials.map((item, i) => [
    String(i + 1),
    `${item.label}${item.required ? '' : '（选）'}`,
    item.files.length ? '已提交' : item.required ? '缺' : '未提交',
    item.files.length ? (
      <View key="files">
        {item.files.map((file) => (
          <View key={file.sha256 + file.name} style={{ marginBottom: 2 }}>
            <Text style={caseFileStyles.text}>
              {`${file.name}（${fileSize(file.size)}${bound(item.itemKey, file.name) ? '，已装订' : '，仅列出'}）`}
            </Text>
            <Text style={[caseFileStyles.text, caseFileStyles.muted, { fontSize: 7.5, fontFamily: 'Courier' }]}>{`SHA-256 ${file.sha256.slice(0, 32)}\n        ${file.sha256.slice(32)}`}</Text>
          </View>
        ))}
      </View>
    ) : (
      ''
    ),
  ]);
  return (
    <Table
      columns={[{ title: '序号', width: 32, align: 'center' }, { title: '材料', width: 112 }, { title: '状态', width: 44, align: 'center' }, { title: '文件（大小，SHA-256）' }]}
      rows={rows}
    />
  );
}
