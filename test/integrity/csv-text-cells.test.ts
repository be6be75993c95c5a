// CSV export: ID, licence and phone numbers stay text in Excel and WPS, and the formula
// neutralisation still holds for text cells.
import { describe, expect, it } from 'vitest';
import { csvCell, TextCell, toCsv } from '../../admin/src/generic/csv.js';

describe('text cells', () => {
  it('keeps an ID number, a licence number and phones as text: a tab inside the quotes', () => {
    expect(csvCell(new TextCell('331004199005011234'))).toBe('"\t331004199005011234"');
    expect(csvCell(new TextCell('33100419900501123X'))).toBe('"\t33100419900501123X"');
    expect(csvCell(new TextCell('13310201510123456'))).toBe('"\t13310201510123456"');
    expect(csvCell(new TextCell('0576-82345678'))).toBe('"\t0576-82345678"');
    expect(csvCell(new TextCell('13812345678'))).toBe('"\t13812345678"');
  });

  it('still neutralises a text cell that would start a formula, and leaves other text alone', () => {
    expect(csvCell(new TextCell('=HYPERLINK("http://evil.example")'))).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csvCell(new TextCell('+8613812345678'))).toBe("'+8613812345678");
    expect(csvCell(new TextCell('\t=1+1'))).toBe("'\t=1+1");
    expect(csvCell(new TextCell('王小明'))).toBe('王小明');
    expect(csvCell(new TextCell('3310**********1234'))).toBe('"\t3310**********1234"');
    expect(csvCell(new TextCell('1,2"3'))).toBe('"\t1,2""3"');
  });

  it('leaves numbers from number fields as numbers', () => {
    expect(toCsv(['身份证号', '金额'], [[new TextCell('331004199005011234'), 1200.5]])).toBe('身份证号,金额\r\n"\t331004199005011234",1200.5');
  });
});
