// The demo law firms and their legal-aid contracts. Part of the demo centre (../demo-centre.ts).
import type { Row } from '../../resources/define.js';
import { landline } from './people.js';
import { pad, type Random } from './random.js';

export const FIRMS = [
  { name: '浙江南官律师事务所', slug: 'nanguanlaw', road: '南官大道' },
  { name: '浙江路桥明正律师事务所', slug: 'mingzhenglaw', road: '路桥大道' },
  { name: '浙江衡川律师事务所', slug: 'hengchuanlaw', road: '腾达路' },
  { name: '浙江泽桥律师事务所', slug: 'zeqiaolaw', road: '商海街' },
  { name: '浙江东瓯明理律师事务所', slug: 'minglilaw', road: '银座街' },
  { name: '浙江金清律师事务所', slug: 'jinqinglaw', road: '金清大道' },
  { name: '浙江致衡律师事务所', slug: 'zhihenglaw', road: '西路桥大道' },
  { name: '浙江桐屿律师事务所', slug: 'tongyulaw', road: '桐屿大道' },
  { name: '浙江澄江律师事务所', slug: 'chengjianglaw', road: '富仕路' },
  { name: '浙江螺洋律师事务所', slug: 'luoyanglaw', road: '螺洋路' },
  { name: '浙江上嘉律师事务所', slug: 'shangjialaw', road: '财富大道' },
  { name: '浙江立衡律师事务所', slug: 'lihenglaw', road: '数码街' },
] as const;
/** The last two firms are not contracted for legal aid: one's contract ran out, one never had one. */
export const CONTRACTED_FIRMS = 10;
/** Lawyers per firm (firm 0 includes the demo lawyer). */
export const FIRM_SIZES = [9, 7, 7, 6, 6, 5, 5, 4, 4, 3, 3, 3];

export function makeLawFirms(rng: Random, today: string): Row[] {
  const year = Number(today.slice(0, 4));
  return FIRMS.map((firm, i) => {
    let contractStart: string | null = null;
    let contractEnd: string | null = null;
    if (i < CONTRACTED_FIRMS) {
      // Contracts run from 1 January of an earlier year to 31 December of this year or the next:
      // they cover every assignment of the last 12 months.
      contractStart = `${year - 1 - rng.int(0, 1)}-01-01`;
      contractEnd = `${year + rng.int(0, 1)}-12-31`;
    } else if (i === CONTRACTED_FIRMS) {
      contractStart = `${year - 4}-01-01`;
      contractEnd = `${year - 2}-12-31`;
    }
    return {
      name: firm.name,
      licenseNo: `3133100${pad(200 + i * 37 + rng.int(0, 36), 4)}${rng.digits(6)}`,
      address: `台州市路桥区${firm.road}${rng.int(8, 688)}号${rng.int(2, 18)}楼`,
      phone: landline(rng),
      isContracted: i < CONTRACTED_FIRMS,
      contractStart,
      contractEnd,
      active: true,
    };
  });
}
