// The console's CSV export neutralises cells a spreadsheet would run as formulas.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../admin/src/generic/csv.js';

describe('CSV cells', () => {
  it('prefixes cells beginning with = + - @ tab or CR with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","点此")')).toBe(`"'=HYPERLINK(""http://evil.example"",""点此"")"`);
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`); // quoted: it holds a line break
  });

  it('leaves ordinary text, numbers and empty cells as they were, quoting only where CSV needs it', () => {
    expect(csvCell('王小明')).toBe('王小明');
    expect(csvCell(1200.5)).toBe('1200.5');
    expect(csvCell(-35.5)).toBe('-35.5'); // a number is data, not a formula
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a=b')).toBe('a=b');
    expect(toCsv(['姓名', '备注'], [['张三', '=1+1']])).toBe("姓名,备注\r\n张三,'=1+1");
  });
});
