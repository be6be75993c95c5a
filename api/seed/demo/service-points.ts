// The demo service points (intake points, workstations, liaison points). Part of the demo centre (../demo-centre.ts).
import type { Row } from '../../resources/define.js';
import { FIRMS } from './firms.js';
import { landline, personName } from './people.js';
import type { Random } from './random.js';

export type HostType = 'law_firm' | 'youth_league' | 'womens_federation' | 'disabled_federation' | 'aging_committee' | 'court'
  | 'procuratorate' | 'petition_bureau' | 'detention_centre' | 'military_unit' | 'township' | 'ethnic_minority' | 'other';

export const SERVICE_POINTS: readonly { name: string; kind: 'intake_point' | 'workstation' | 'liaison_point'; hostType: HostType; address: string }[] = [
  { name: `${FIRMS[0].name}法律援助受理点`, kind: 'intake_point', hostType: 'law_firm', address: `台州市路桥区${FIRMS[0].road}` },
  { name: `${FIRMS[1].name}法律援助受理点`, kind: 'intake_point', hostType: 'law_firm', address: `台州市路桥区${FIRMS[1].road}` },
  { name: `${FIRMS[5].name}法律援助受理点`, kind: 'intake_point', hostType: 'law_firm', address: `台州市路桥区${FIRMS[5].road}` },
  { name: '团区委青少年法律援助受理点', kind: 'intake_point', hostType: 'youth_league', address: '台州市路桥区路桥大道行政中心' },
  { name: '区妇联妇女儿童维权法律援助受理点', kind: 'intake_point', hostType: 'womens_federation', address: '台州市路桥区路桥大道行政中心' },
  { name: '区残联残疾人法律援助受理点', kind: 'intake_point', hostType: 'disabled_federation', address: '台州市路桥区银安街' },
  { name: '区老龄委老年人法律援助受理点', kind: 'intake_point', hostType: 'aging_committee', address: '台州市路桥区腾达路' },
  { name: '区人民法院法律援助工作站', kind: 'workstation', hostType: 'court', address: '台州市路桥区南官大道诉讼服务中心' },
  { name: '区人民检察院法律援助工作站', kind: 'workstation', hostType: 'procuratorate', address: '台州市路桥区西路桥大道' },
  { name: '区信访局法律援助工作站', kind: 'workstation', hostType: 'petition_bureau', address: '台州市路桥区人民信访接待中心' },
  { name: '区看守所法律援助工作站', kind: 'workstation', hostType: 'detention_centre', address: '台州市路桥区峰江街道' },
  { name: '驻区部队军人军属法律援助工作站', kind: 'workstation', hostType: 'military_unit', address: '台州市路桥区螺洋街道' },
  { name: '金清镇法律援助工作站', kind: 'workstation', hostType: 'township', address: '台州市路桥区金清镇政府便民服务中心' },
  { name: '区总工会农民工法律援助工作站', kind: 'workstation', hostType: 'other', address: '台州市路桥区职工服务中心' },
  { name: '横街镇法律援助联系点', kind: 'liaison_point', hostType: 'township', address: '台州市路桥区横街镇便民服务中心' },
  { name: '少数民族流动人口法律援助联系点', kind: 'liaison_point', hostType: 'ethnic_minority', address: '台州市路桥区桐屿街道' },
];

export function makeServicePoints(rng: Random): Row[] {
  return SERVICE_POINTS.map((p) => ({
    name: p.name,
    kind: p.kind,
    hostType: p.hostType,
    address: p.address.match(/号|中心|街道$/) ? p.address : `${p.address}${rng.int(1, 300)}号`,
    contactName: personName(rng, rng.chance(0.5) ? 'female' : 'male').name,
    phone: landline(rng),
    active: true,
  }));
}

/** Index of the first service point with this host type. */
export function pointOf(host: HostType): number {
  return SERVICE_POINTS.findIndex((p) => p.hostType === host);
}
