// The materials of a case-file template, in binding order: one row per item (name, required,
// supplied by, accepted file types, note), dragged by its handle to reorder, added and removed.
// Each item's `key` travels with it unseen: uploaded files point at it.
import { useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Box, Button, Checkbox, FormHelperText, IconButton, MenuItem, Select, Stack, TextField, Tooltip, Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { useInput, ValidationError } from 'react-admin';
import { useLabel, type FieldMeta, type ListInputProps } from '../../../admin/src/plugin-kit.js';
import { useCaseFilesTranslate } from './messages.js';

interface TemplateItem {
  key?: string;
  name?: string;
  required?: boolean;
  suppliedBy?: string;
  acceptedTypes?: string[];
  note?: string | null;
  [other: string]: unknown;
}

/** Every item needs a name (the server checks everything else again). */
function namesGiven(missingName: (n: number) => string) {
  return (value: unknown) => {
    const items = Array.isArray(value) ? (value as TemplateItem[]) : [];
    const unnamed = items.findIndex((item) => !String(item?.name ?? '').trim());
    return unnamed < 0 ? undefined : missingName(unnamed + 1);
  };
}

const COLUMNS = '28px 28px minmax(180px, 1.4fr) 48px 132px minmax(250px, 1.4fr) minmax(140px, 1fr) 104px';

export function TemplateItemsInput({ field, source }: ListInputProps) {
  const label = useLabel();
  const translate = useCaseFilesTranslate();
  const validate = useMemo(() => namesGiven((n) => translate('items.missingName', { n })), [translate]);
  const { field: input, fieldState, formState } = useInput({ source, validate, defaultValue: [] });
  const items: TemplateItem[] = Array.isArray(input.value) ? input.value : [];
  const sub = (name: string): FieldMeta | undefined => field.of?.find((f) => f.name === name);
  const subLabel = (name: string, fallback: string) => {
    const meta = sub(name);
    return meta ? label(meta.label) : fallback;
  };
  const options = (name: string) => (sub(name)?.options ?? []).map((o) => ({ id: o.id, name: label(o.label) }));
  const supplierOptions = options('suppliedBy');
  const typeOptions = options('acceptedTypes');

  // Rows keep their identity (and focus) while edited and moved; new items have no key yet.
  const rowIds = useRef(new WeakMap<object, string>());
  const nextId = useRef(0);
  const rowId = (item: object) => {
    let id = rowIds.current.get(item);
    if (!id) {
      nextId.current += 1;
      id = `row-${nextId.current}`;
      rowIds.current.set(item, id);
    }
    return id;
  };

  const commit = (next: TemplateItem[]) => {
    input.onChange(next);
    input.onBlur();
  };
  const update = (index: number, patch: Partial<TemplateItem>) => {
    const next = { ...items[index], ...patch };
    rowIds.current.set(next, rowId(items[index]));
    input.onChange(items.map((item, i) => (i === index ? next : item)));
  };
  const move = (from: number, to: number) => {
    // `to` is a gap between rows (0 … length); dropping a row on either side of itself changes nothing.
    if (to === from || to === from + 1) return;
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to > from ? to - 1 : to, 0, moved);
    commit(next);
  };
  const add = () => commit([...items, { name: '', required: true, suppliedBy: 'lawyer', acceptedTypes: typeOptions.map((o) => o.id), note: '' }]);
  const remove = (index: number) => commit(items.filter((_, i) => i !== index));

  const [dragging, setDragging] = useState<number | null>(null);
  const [gap, setGap] = useState<number | null>(null);
  const endDrag = () => {
    setDragging(null);
    setGap(null);
  };
  /** The gap the pointer is nearest: above this row (its index) or below it. */
  const gapAt = (event: DragEvent<HTMLDivElement>, index: number) => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2 ? index : index + 1;
  };
  const overRow = (index: number) => (event: DragEvent<HTMLDivElement>) => {
    if (dragging === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setGap(gapAt(event, index));
  };
  const dropOnRow = (index: number) => (event: DragEvent<HTMLDivElement>) => {
    if (dragging === null) return;
    event.preventDefault();
    move(dragging, gapAt(event, index));
    endDrag();
  };

  const showErrors = formState.isSubmitted || fieldState.isTouched;
  // react-admin keeps validation messages serialised: ValidationError reads them (and the server's).
  const error = fieldState.error?.message;
  const full = field.maxItems !== undefined && items.length >= field.maxItems;

  return (
    <Box sx={{ width: '100%', my: 1 }} data-testid={`list-input-${source}`}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>{label(field.label)}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 1 }}>{translate('items.count', { n: items.length })}</Typography>
      <Box sx={{ border: 1, borderColor: error && showErrors ? 'error.main' : 'divider', borderRadius: 1, overflowX: 'auto' }}>
        <Box sx={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 1, px: 1, py: 0.75, bgcolor: '#eef2f7', minWidth: 960, alignItems: 'center' }}>
          <span />
          <Typography variant="caption" sx={{ fontWeight: 600 }}>#</Typography>
          <Typography variant="caption" sx={{ fontWeight: 600 }}>{subLabel('name', '材料名称')}</Typography>
          <Typography variant="caption" sx={{ fontWeight: 600 }}>{subLabel('required', '必备')}</Typography>
          <Typography variant="caption" sx={{ fontWeight: 600 }}>{subLabel('suppliedBy', '提供方')}</Typography>
          <Typography variant="caption" sx={{ fontWeight: 600 }}>{subLabel('acceptedTypes', '接受的文件类型')}</Typography>
          <Typography variant="caption" sx={{ fontWeight: 600 }}>{subLabel('note', '备注')}</Typography>
          <span />
        </Box>
        {!items.length ? <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>{translate('items.empty')}</Typography> : null}
        {items.map((item, index) => {
          const unnamed = showErrors && !String(item.name ?? '').trim();
          return (
            <Box
              key={rowId(item)}
              data-row={index}
              data-key={item.key ?? ''}
              onDragOver={overRow(index)}
              onDrop={dropOnRow(index)}
              sx={(theme) => ({
                display: 'grid', gridTemplateColumns: COLUMNS, gap: 1, px: 1, py: 0.75, minWidth: 960, alignItems: 'center',
                borderTop: `1px solid ${theme.palette.divider}`,
                opacity: dragging === index ? 0.45 : 1,
                boxShadow: gap === index && dragging !== null
                  ? `inset 0 3px 0 ${theme.palette.primary.main}`
                  : gap === index + 1 && index === items.length - 1 && dragging !== null ? `inset 0 -3px 0 ${theme.palette.primary.main}` : undefined,
                bgcolor: 'background.paper',
              })}
            >
              <Tooltip title={translate('items.drag')}>
                <Box
                  draggable
                  role="button"
                  aria-label={`${translate('items.drag')}：${item.name ?? ''}`}
                  data-testid={`drag-handle-${index}`}
                  onDragStart={(event: DragEvent<HTMLDivElement>) => {
                    setDragging(index);
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', String(index));
                    const row = event.currentTarget.closest('[data-row]');
                    if (row) event.dataTransfer.setDragImage(row, 16, 16);
                  }}
                  onDragEnd={endDrag}
                  sx={{ cursor: 'grab', color: 'text.secondary', display: 'flex', alignItems: 'center', '&:active': { cursor: 'grabbing' } }}
                >
                  <DragIndicatorIcon fontSize="small" />
                </Box>
              </Tooltip>
              <Typography variant="body2" color="text.secondary">{index + 1}</Typography>
              <TextField
                variant="outlined" hiddenLabel size="small" value={item.name ?? ''} onChange={(e) => update(index, { name: e.target.value })} onBlur={input.onBlur}
                error={unnamed} slotProps={{ htmlInput: { 'aria-label': `${subLabel('name', '材料名称')} ${index + 1}`, maxLength: sub('name')?.maxLength } }}
              />
              <Checkbox
                checked={Boolean(item.required)} onChange={(e) => update(index, { required: e.target.checked })}
                slotProps={{ input: { 'aria-label': `${subLabel('required', '必备')} ${index + 1}` } }} sx={{ justifySelf: 'start' }}
              />
              <Select
                size="small" value={item.suppliedBy ?? 'lawyer'} onChange={(e) => update(index, { suppliedBy: String(e.target.value) })}
                inputProps={{ 'aria-label': `${subLabel('suppliedBy', '提供方')} ${index + 1}` }}
              >
                {supplierOptions.map((o) => <MenuItem key={o.id} value={o.id}>{o.name}</MenuItem>)}
              </Select>
              <Select
                size="small" multiple value={item.acceptedTypes ?? []}
                onChange={(e) => update(index, { acceptedTypes: typeof e.target.value === 'string' ? e.target.value.split(',') : e.target.value })}
                inputProps={{ 'aria-label': `${subLabel('acceptedTypes', '接受的文件类型')} ${index + 1}` }}
                // The kinds by their short names here; the menu gives their full labels.
                renderValue={(selected) => selected.map((id) => id.toUpperCase()).join('/')}
              >
                {typeOptions.map((o) => (
                  <MenuItem key={o.id} value={o.id}>
                    <Checkbox size="small" checked={(item.acceptedTypes ?? []).includes(o.id)} sx={{ p: 0.5, mr: 1 }} />
                    {o.name}
                  </MenuItem>
                ))}
              </Select>
              <TextField
                variant="outlined" hiddenLabel size="small" value={item.note ?? ''} onChange={(e) => update(index, { note: e.target.value })} onBlur={input.onBlur}
                slotProps={{ htmlInput: { 'aria-label': `${subLabel('note', '备注')} ${index + 1}`, maxLength: sub('note')?.maxLength } }}
              />
              <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
                <Tooltip title={translate('items.up')}>
                  <span><IconButton size="small" aria-label={translate('items.up')} disabled={index === 0} onClick={() => move(index, index - 1)}><ArrowUpwardIcon fontSize="inherit" /></IconButton></span>
                </Tooltip>
                <Tooltip title={translate('items.down')}>
                  <span><IconButton size="small" aria-label={translate('items.down')} disabled={index === items.length - 1} onClick={() => move(index, index + 2)}><ArrowDownwardIcon fontSize="inherit" /></IconButton></span>
                </Tooltip>
                <Tooltip title={translate('items.remove')}>
                  <IconButton size="small" aria-label={translate('items.remove')} onClick={() => remove(index)}><DeleteOutlineIcon fontSize="inherit" /></IconButton>
                </Tooltip>
              </Stack>
            </Box>
          );
        })}
      </Box>
      {error && showErrors ? <FormHelperText error sx={{ mx: 1.75 }}><ValidationError error={error} /></FormHelperText> : null}
      {field.help ? <FormHelperText sx={{ mx: 1.75 }}>{label(field.help)}</FormHelperText> : null}
      <Button startIcon={<AddIcon />} onClick={add} disabled={full} sx={{ mt: 1 }}>{full && field.maxItems ? translate('items.max', { n: field.maxItems }) : translate('items.add')}</Button>
    </Box>
  );
}
