// Editing a record of any register. Pessimistic, so that the server's field errors land on the
// form and a 409 (someone else saved first) is shown while the form is still open.
import { useRef } from 'react';
import { Edit, ListButton, ShowButton, TopToolbar, useResourceContext, type RaRecord } from 'react-admin';
import { useResourceMeta } from '../meta.js';
import { ResourceForm, updateBody, type LoadedVersion } from './ResourceForm.js';

function EditActions() {
  return (
    <TopToolbar>
      <ListButton />
      <ShowButton />
    </TopToolbar>
  );
}

export function ResourceEdit() {
  const resource = useResourceMeta(useResourceContext()!);
  const loadedVersion: LoadedVersion = useRef(null);
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      actions={<EditActions />}
      transform={(data: Partial<RaRecord>) => updateBody(resource, data, loadedVersion.current?.version)}
    >
      <ResourceForm resource={resource} mode="edit" loadedVersion={loadedVersion} />
    </Edit>
  );
}
