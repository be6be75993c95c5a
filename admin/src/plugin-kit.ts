// Everything a plugin's admin half (plugins/<name>/admin/) may use of the console: it imports
// nothing else under admin/src/, only this, react, react-admin, @mui/* and @tanstack/react-query.
// The core can change behind these names.

// The plugin itself.
export { defineAdminPlugin } from './plugins.js';
export type { AdminPlugin, CasePanelProps, FieldDisplayProps, ListInputProps, PluginPageProps, RecordPanelProps } from './plugins.js';

// What /api/meta says (types from the server's api/meta/types.ts).
export { fieldOf, isEditable, permissionsOf, useMeta, useResourceMeta } from './meta.js';
export type {
  CasePanelMeta, FieldMeta, FieldType, Label, Meta, MetaUser, PluginMeta, ResourceMeta, ResourcePermissions,
} from './meta.js';

// Words: the plugin's own polyglot namespace, and the `{ zh, en }` labels of meta.
export { usePluginTranslate } from './words.js';
export type { Messages, PolyglotMessages, Translate } from './words.js';
export { useLabel, useLanguageTag } from './i18n.js';

// The API: cookie, language and refusals handled once.
export { refusalOf, useApi } from './apiClient.js';
export type { ApiClient, ApiRefusal, BrokenRule, UploadOptions } from './apiClient.js';

// The home page's one request: a plugin's home panel reads what its server `home` gave.
export { useHomeData, useRefreshHome } from './dashboard/home.js';

// A case's workflow as the server declares it (states, main path, moves), and its routes' query keys.
export { caseQueryKey, useCaseLifecycle } from './cases/workflow.js';
export type { CaseLifecycle } from './cases/workflow.js';
export type { WorkflowActionMeta, WorkflowMeta } from './meta.js';

// Quality forms: the one sheet component (filling and reading, live score), a sheet's form revision.
export { FormSheet, SheetScore } from './forms/FormSheet.js';
export type { FormSheetProps } from './forms/FormSheet.js';
export { useSheetForm } from './forms/SheetField.js';
export { scoreSheet } from '../../forms/engine.js';
// The file kinds uploads accept (pure data, shared with the server's sniffing).
export { fileKinds, type FileKind } from '../../api/uploads/sniff.js';
export type { Answers, FormDefinition } from '../../forms/engine.js';
