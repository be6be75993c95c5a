// The centre's settings are one record (a singleton): /#/settings opens its form directly,
// for those who may change it, or its page for those who may only read it.
import { Edit, Show } from 'react-admin';
import { permissionsOf, useResourceMeta } from '../meta.js';
import { ResourceForm, updateBody } from '../generic/ResourceForm.js';
import { RecordDetails } from '../generic/ResourceShow.js';

export const SETTINGS_ID = 1;

export function SettingsPage() {
  const resource = useResourceMeta('settings');
  if (!permissionsOf(resource).update) {
    return (
      <Show resource="settings" id={SETTINGS_ID} actions={false} component="div">
        <RecordDetails resource={resource} />
      </Show>
    );
  }
  return (
    <Edit
      resource="settings"
      id={SETTINGS_ID}
      mutationMode="pessimistic"
      redirect={false}
      actions={false}
      transform={(data) => updateBody(resource, data, undefined)}
    >
      <ResourceForm resource={resource} mode="edit" />
    </Edit>
  );
}
