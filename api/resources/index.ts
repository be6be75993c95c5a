// The core registers. A seventh register is one more file here and one more line below.
import type { ResourceDefinition } from './define.js';
import lawFirms from './law-firms.js';
import lawyers from './lawyers.js';
import volunteerTeams from './volunteer-teams.js';
import servicePoints from './service-points.js';
import cases from './cases.js';
import complaints from './complaints.js';
import consultations from './consultations.js';
import auditLog from './audit-log.js';
import forms from './forms.js';
import caseActivities from './case-activities.js';

export const coreResources: ResourceDefinition[] = [cases, lawyers, lawFirms, volunteerTeams, servicePoints, complaints, consultations, forms, caseActivities, auditLog];
