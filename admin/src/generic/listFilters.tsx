// The filters of a register's list, from its declared `list.filters`.
import type { ReactElement } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  NullableBooleanInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { fieldOf, type FieldMeta, type ResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';
import { searchQuery } from './fieldComponents.js';

/** Room for a Chinese label of a dozen characters. */
const WIDE = { minWidth: 220 };

/** The end of a day, so that a "to" date on a date-and-time field includes that day. */
const endOfDay = (value: string) => (value ? `${value}T23:59:59.999` : value);

export function useListFilters(resource: ResourceMeta): ReactElement[] {
  const translate = useTranslate();
  const label = useLabel();
  const choicesOf = (field: FieldMeta) => (field.options ?? []).map((o) => ({ id: o.id, name: label(o.label) }));

  const filters: ReactElement[] = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('fayuan.filter.search')} />,
  ];
  const firstField = resource.list.filters.find((name) => fieldOf(resource, name));
  resource.list.filters.forEach((name) => {
    const virtual = resource.list.virtualFilters?.find((v) => v.name === name);
    if (virtual) {
      // A named condition (e.g. overdue): a switch, always in view; off means no condition.
      filters.push(<BooleanInput key={name} source={name} label={label(virtual.label)} alwaysOn />);
      return;
    }
    const field = fieldOf(resource, name);
    if (!field) return;
    // The first field filter stays in view; the others are added from the filter button.
    const alwaysOn = name === firstField;
    const fieldLabel = label(field.label);
    switch (field.type) {
      case 'enum':
      case 'tags':
        filters.push(<SelectInput key={name} source={name} choices={choicesOf(field)} translateChoice={false} alwaysOn={alwaysOn} sx={WIDE} />);
        break;
      case 'reference':
      case 'referenceList':
        filters.push(
          <ReferenceInput key={name} source={name} reference={field.reference!} alwaysOn={alwaysOn}>
            <AutocompleteInput filterToQuery={searchQuery} label={fieldLabel} sx={WIDE} />
          </ReferenceInput>,
        );
        break;
      case 'boolean':
        filters.push(<NullableBooleanInput key={name} source={name} alwaysOn={alwaysOn} sx={WIDE} />);
        break;
      case 'date':
      case 'datetime': {
        const parse = field.type === 'datetime' ? endOfDay : undefined;
        filters.push(
          <DateInput key={`${name}_gte`} source={`${name}_gte`} label={translate('fayuan.filter.from', { field: fieldLabel })} alwaysOn={alwaysOn} />,
          <DateInput key={`${name}_lte`} source={`${name}_lte`} label={translate('fayuan.filter.to', { field: fieldLabel })} alwaysOn={alwaysOn} parse={parse} />,
        );
        break;
      }
      case 'integer':
      case 'money':
        filters.push(<NumberInput key={name} source={name} alwaysOn={alwaysOn} />);
        break;
      default:
        filters.push(<TextInput key={name} source={name} alwaysOn={alwaysOn} />);
    }
  });
  return filters;
}
