// Everything a plugin may use from the core, and nothing else: plugins/<name>/ imports only
// this module from api/ (test/plugin-imports.test.ts holds every plugin to it).

// Declaring a plugin and its registers.
export { definePlugin } from './plugins/define.js';
export type { CasePanel, FayuanPlugin, PluginContext, RegisterAccessExtension, TransitionEffect } from './plugins/define.js';
export { defineResource } from './resources/define.js';
export type {
  ActionRule, Actor, AfterWrite, BeforeCreate, BeforeUpdate, Field, FieldType, HookContext, Hooks, Label, Options,
  Redaction, RedactionRule, ResourceDefinition, Role, Row, RowRule, TallyDefinition, VerbRules, VirtualFilter, WithheldRule, WrittenChange,
} from './resources/define.js';
export { caseTypes, specialties } from './resources/options.js';
export { readerView, redactValue, REDACTED, withheldFields, type ReaderView } from './access/enforce.js';
export { everyRow, noRow, ownCaseRows, ownLawyerRows, maskIdNumber, maskName, maskPhone } from './access/rules.js';

// Case transitions: guards a plugin adds, and the action names.
export type { GuardContext, GuardProblem, TransitionGuard } from './cases/guards.js';
export { caseActions, lawyerChangeReasons, type CaseActionName } from './cases/lifecycle.js';
export type { DashboardCard } from './meta/dashboard.js';
// A plugin register's own life: a state machine and its generic workflow routes (as complaints use them).
export { allowedActions, defineStateMachine, noPayload, requiredText, said } from './workflow/state-machine.js';
export type { ActionDefinition, Performer, StateMachine } from './workflow/state-machine.js';
export { moveRecord, workflowRoutes, type MoveContext, type WorkflowOptions, type WorkflowProblem } from './workflow/routes.js';

// The write path (its operations write the audit entry; a plugin never does).
export type { Records, SystemChange } from './rest/records.js';
export type { Migration } from './db/migrate.js';
export type { DialectName } from './db/connect.js';

// Errors, settings and route helpers.
export { ApiError, badInput, notFound } from './rest/errors.js';
export { loadSettings, type Settings } from './settings/settings.js';
export { liveCounters, type Counters } from './db/counters.js';
// Running tallies: the return visits' (their meaning is the indicators'), read back by month;
// and exact counts by a few enum fields, so a large register's list totals are not counted row by row.
export { countIn, readTally, type TallyRow } from './db/tallies.js';
export { CLOSED as closedCaseStatuses, countTally, returnVisitTallies } from './reports/tallies.js';
export { jsonBody, recordId } from './rest/crud-routes.js';
export { allowLargerBody } from './http/body-limit.js';
export { isDbId } from './rest/input-bounds.js';
export type { AppEnv } from './http/app-env.js';
// Describing a plugin's routes in /api/openapi.json.
export { describeRoute, idParameter, jsonOfSchema, refusalsOf, resolver } from './meta/route-docs.js';

// The centre's signing certificate (light: loaded at start to say when a development seal is in use;
// signing itself is in the PDF door).
export { loadSealCertificate, type LoadedSealCertificate } from './pdf/certificate.js';

// Stored bytes, and what one plugin offers another at a named point.
export { JobLeases, jobLeaseFields, type JobLeaseOptions } from './jobs/job-leases.js';
export { centreFileStore, DatabaseFileStore, LocalFileStore, type FileStore } from './files/file-store.js';
export {
  CASE_CHECKLIST, CHECKLIST_SUPPLY,
  type CaseChecklistItem, type CaseChecklistSource, type ChecklistSupplier, type Contributions, type SuppliedChecklistFile,
} from './plugins/contributions.js';
export { addDays, addWorkingDays, daysBetween, today } from './calendar.js';

// Quality forms: the engine, the versioned `forms` register's revisions, and filled sheets.
export { formItems, scoreSheet, validateAnswers, validateDefinition } from '../forms/engine.js';
export type { Answers, FormDefinition, ScoredSheet, TriggeredConsequence } from '../forms/engine.js';
export { currentFormRevision, loadFormRevision, sheetFields, sheetHooks, sheetOutcome, type FormRevision } from './forms/sheets.js';
export { activityKinds, openCaseStatuses } from './resources/case-activities.js';
export { systemActor } from './rest/audit.js';
// What an uploaded file is, by its content (PDF, JPEG, PNG, DOCX, OFD).
export { fileKinds, sniffKind, type FileKind, type SniffLimits } from './uploads/sniff.js';
