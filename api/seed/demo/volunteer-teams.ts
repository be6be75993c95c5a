// The demo volunteer teams. Part of the demo centre (../demo-centre.ts).
import type { Row } from '../../resources/define.js';
import type { LawyerSet } from './lawyers.js';
import { inOrder, SPECIALTY_ORDER } from './people.js';
import { pad, type Random } from './random.js';

export function makeVolunteerTeams(rng: Random, lawyers: LawyerSet, today: string): Row[] {
  const { meta, rows } = lawyers;
  const indices = meta.map((_, i) => i);
  const seniority = (i: number) => meta[i].practiceStartDate;
  const year = Number(today.slice(0, 4));

  // 涉法涉诉信访律师团 (seed 000: a team of 100 lawyers; this district's share is ~40).
  const petitionPool = rng.shuffle(indices.filter((i) => meta[i].type !== 'grassroots' && meta[i].active));
  const petition = petitionPool.slice(0, 40).sort((a, b) => a - b);
  for (const i of petition) {
    if (rng.chance(0.4) && !meta[i].specialties.has('petition')) {
      meta[i].specialties.add('petition');
      rows[i].specialties = inOrder(meta[i].specialties, SPECIALTY_ORDER);
    }
  }
  const petitionLeader = [...petition].sort((a, b) => seniority(a).localeCompare(seniority(b)))[0];

  const labour = indices.filter((i) => meta[i].specialties.has('labour') && meta[i].active);
  const migrant = [...rng.shuffle(labour).slice(0, 12), ...indices.filter((i) => meta[i].type === 'grassroots' && meta[i].active).slice(0, 3)];
  const migrantMembers = [...new Set(migrant)].sort((a, b) => a - b);
  const migrantLeader = [...migrantMembers].sort((a, b) => seniority(a).localeCompare(seniority(b)))[0];

  const minors = indices.filter((i) => meta[i].specialties.has('minors') && meta[i].active);

  return [
    {
      name: '路桥区涉法涉诉信访律师团',
      focus: 'petition',
      leaderId: petitionLeader,
      memberIds: petition,
      establishedAt: `${year - 6}-03-${pad(rng.int(1, 28), 2)}`,
      description: '由全区律师事务所、法律援助中心选派的执业律师组成，参与信访局涉法涉诉信访案件的接待、评析和化解，引导群众依法理性表达诉求。',
    },
    {
      name: '农民工讨薪法律援助律师服务团',
      focus: 'migrant_workers',
      leaderId: migrantLeader,
      memberIds: migrantMembers,
      establishedAt: `${year - 4}-01-${pad(rng.int(1, 28), 2)}`,
      description: '专办农民工追索劳动报酬、工伤赔偿案件，岁末年初开设讨薪绿色通道，实行优先受理、优先指派、优先办理。',
    },
    {
      name: '未成年人法律援助律师团',
      focus: 'minors',
      leaderId: 0,
      memberIds: minors,
      establishedAt: `${year - 3}-06-01`,
      description: '由熟悉未成年人身心特点的律师组成，承办未成年人刑事案件通知辩护和抚养费、监护等民事案件，联合团委开展青少年法治宣传。',
    },
  ];
}
