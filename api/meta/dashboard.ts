// Count cards on the console's home page: a register, a filter and who sees it.
import type { Label, Role } from '../resources/define.js';
import { openComplaintStatuses } from '../complaints/lifecycle.js';

export interface DashboardCard {
  id: string;
  label: Label;
  resource: string;
  filter: Record<string, unknown>;
  roles: Role[];
  /** Highlight when the count is above zero (e.g. overdue work). */
  alert?: boolean;
}

export const coreCards: DashboardCard[] = [
  { id: 'overdue-cases', label: { zh: '逾期未办案件', en: 'Overdue cases' }, resource: 'cases', filter: { overdue: true }, roles: ['admin'], alert: true },
  { id: 'applications', label: { zh: '待审查申请', en: 'Applications to review' }, resource: 'cases', filter: { status: ['applied', 'reviewing'] }, roles: ['admin'] },
  { id: 'to-assign', label: { zh: '待指派案件', en: 'Cases to assign' }, resource: 'cases', filter: { status: 'accepted' }, roles: ['admin'] },
  { id: 'closing-submitted', label: { zh: '待审核结案', en: 'Closings to review' }, resource: 'cases', filter: { status: 'closing_submitted' }, roles: ['admin'] },
  { id: 'my-open-cases', label: { zh: '我承办中的案件', en: 'My open cases' }, resource: 'cases', filter: { status: ['assigned', 'in_progress'] }, roles: ['lawyer'] },
  { id: 'open-complaints', label: { zh: '未办结投诉', en: 'Open complaints' }, resource: 'complaints', filter: { status: [...openComplaintStatuses] }, roles: ['admin', 'supervisor'] },
  { id: 'overdue-consultation-replies', label: { zh: '逾期未答复的咨询', en: 'Consultation replies overdue' }, resource: 'consultations', filter: { overdue: true }, roles: ['admin'], alert: true },
  { id: 'closed-cases', label: { zh: '已结案件', en: 'Closed cases' }, resource: 'cases', filter: { status: ['closed', 'archived'] }, roles: ['admin', 'supervisor'] },
];
