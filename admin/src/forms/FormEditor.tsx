// The form editor (the `forms` register's definition): sections and items added, reordered and
// removed, weights, bands and consequences, a JSON view for power users, and a live preview of
// the sheet and its score. The definition is checked by the server (POST /api/forms/check), so
// the console compiles no schema (its Content-Security-Policy forbids eval); errors show at their paths.
import { useEffect, useState } from 'react';
import {
  Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, IconButton, MenuItem, Stack, Tab, Tabs, TextField, Tooltip, Typography,
} from '@mui/material';
import { useCreate, useInput, useNotify, useRecordContext, useRedirect } from 'react-admin';
import type { Answers, FormDefinition, FormItem, FormSection } from '../../../forms/engine.js';
import { refusalOf, useApi } from '../apiClient.js';
import type { FieldMeta } from '../meta.js';
import { FormSheet } from './FormSheet.js';

const KINDS: Record<FormItem['kind'], string> = {
  score: '评分', single_choice: '单选', multiple_choice: '多选', yes_no: '是/否', text: '文字', date: '日期', signature: '签名',
};

const BLANK: FormDefinition = {
  key: 'new-form', title: { zh: '新表单', en: 'New form' },
  scoring: {
    unanswered: 'exclude', decimals: 1,
    bands: [
      { grade: 'excellent', label: { zh: '优秀', en: 'Excellent' }, min: 90 },
      { grade: 'good', label: { zh: '良好', en: 'Good' }, min: 75 },
      { grade: 'pass', label: { zh: '合格', en: 'Pass' }, min: 60 },
      { grade: 'fail', label: { zh: '不合格', en: 'Fail' }, min: 0 },
    ],
  },
  sections: [],
} as unknown as FormDefinition;

function newItem(kind: FormItem['kind'], taken: Set<string>): FormItem {
  let n = taken.size + 1;
  while (taken.has(`item${n}`)) n++;
  const base = { id: `item${n}`, label: { zh: `新题目 ${n}`, en: `New item ${n}` } };
  switch (kind) {
    case 'score': return { ...base, kind, min: 0, max: 10, step: 1, weight: 10 };
    case 'yes_no': return { ...base, kind, weight: 10, satisfactoryAnswer: true };
    case 'single_choice':
    case 'multiple_choice': return { ...base, kind, options: [{ value: 'a', label: { zh: '选项一', en: 'Option 1' } }, { value: 'b', label: { zh: '选项二', en: 'Option 2' } }] } as FormItem;
    default: return { ...base, kind } as FormItem;
  }
}

const move = <T,>(list: T[], from: number, to: number) => {
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
};

/** Errors at a path and below it, e.g. `definition/sections/0`. */
function ErrorsAt({ errors, path, exact = false }: { errors: Record<string, string>; path: string; exact?: boolean }) {
  const mine = Object.entries(errors).filter(([k]) => (exact ? k === path : k === path || k.startsWith(`${path}/`)) && k !== 'definition');
  if (!mine.length) return null;
  return <Stack>{mine.map(([k, m]) => <Typography key={k} variant="caption" color="error.main" data-error-path={k}>{k.replace(/^definition/, '')}：{m}</Typography>)}</Stack>;
}

function num(value: string): number {
  return value === '' ? 0 : Number(value);
}

function ItemEditor({ item, path, errors, change, actions }: { item: FormItem; path: string; errors: Record<string, string>; change: (f: (i: any) => void) => void; actions: React.ReactNode }) {
  const small = { size: 'small' as const };
  const complaint = 'consequences' in item && item.consequences?.some((c) => c.effect === 'open_complaint');
  const failGrade = 'consequences' in item && item.consequences?.some((c) => c.effect === 'grade');
  const toggle = (effect: 'open_complaint' | 'grade', on: boolean) => change((i) => {
    const others = (i.consequences ?? []).filter((c: any) => c.effect !== effect);
    const when = i.kind === 'yes_no' ? !(i.satisfactoryAnswer ?? true) : i.options?.[0]?.value;
    i.consequences = on ? [...others, effect === 'grade' ? { when, effect, grade: 'fail' } : { when, effect }] : others;
    if (!i.consequences.length) delete i.consequences;
  });
  return (
    <Box sx={{ borderTop: 1, borderColor: 'divider', pt: 1, mt: 1 }} data-item-editor={item.id}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField {...small} label="编号" value={item.id} sx={{ width: 120 }} onChange={(e) => change((i) => { i.id = e.target.value; })} />
        <TextField {...small} select label="类型" value={item.kind} sx={{ width: 110 }} disabled>
          {Object.entries(KINDS).map(([k, l]) => <MenuItem key={k} value={k}>{l}</MenuItem>)}
        </TextField>
        <TextField {...small} label="题目（中文）" value={item.label.zh} sx={{ flex: 2, minWidth: 200 }} onChange={(e) => change((i) => { i.label.zh = e.target.value; })} />
        <TextField {...small} label="English" value={item.label.en} sx={{ flex: 1, minWidth: 140 }} onChange={(e) => change((i) => { i.label.en = e.target.value; })} />
        <FormControlLabel control={<Checkbox size="small" checked={Boolean(item.required)} onChange={(e) => change((i) => { if (e.target.checked) i.required = true; else delete i.required; })} />} label="必填" />
        {actions}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }} useFlexGap>
        {item.kind === 'score' ? (['min', 'max', 'step', 'weight'] as const).map((k) => (
          <TextField key={k} {...small} type="number" label={{ min: '最低分', max: '最高分', step: '步长', weight: '权重' }[k]} value={item[k]} sx={{ width: 96 }}
            onChange={(e) => change((i) => { i[k] = num(e.target.value); })} />
        )) : null}
        {item.kind === 'yes_no' ? (
          <>
            <TextField {...small} type="number" label="权重" value={item.weight ?? ''} sx={{ width: 96 }} onChange={(e) => change((i) => { if (e.target.value === '') { delete i.weight; delete i.satisfactoryAnswer; } else { i.weight = num(e.target.value); i.satisfactoryAnswer ??= true; } })} />
            <TextField {...small} select label="得分答案" value={item.satisfactoryAnswer === undefined ? '' : String(item.satisfactoryAnswer)} sx={{ width: 110 }}
              onChange={(e) => change((i) => { i.satisfactoryAnswer = e.target.value === 'true'; })}>
              <MenuItem value="true">是</MenuItem><MenuItem value="false">否</MenuItem>
            </TextField>
          </>
        ) : null}
        {item.kind === 'single_choice' || item.kind === 'multiple_choice' ? (
          <TextField {...small} label="选项（每行：值=中文标签[=分值]）" multiline sx={{ minWidth: 320 }}
            value={item.options.map((o: any) => [o.value, o.label.zh, ...(o.score !== undefined ? [o.score] : [])].join('=')).join('\n')}
            onChange={(e) => change((i) => {
              i.options = e.target.value.split('\n').filter(Boolean).map((line) => {
                const [value, zh, score] = line.split('=');
                return { value, label: { zh: zh ?? value, en: zh ?? value }, ...(score !== undefined && score !== '' ? { score: Number(score) } : {}) };
              });
            })} />
        ) : null}
        {item.kind === 'single_choice' ? (
          <TextField {...small} type="number" label="权重" value={item.weight ?? ''} sx={{ width: 96 }} onChange={(e) => change((i) => { if (e.target.value === '') delete i.weight; else i.weight = num(e.target.value); })} />
        ) : null}
        {item.kind === 'yes_no' || item.kind === 'single_choice' ? (
          <>
            <FormControlLabel control={<Checkbox size="small" checked={Boolean(complaint)} onChange={(e) => toggle('open_complaint', e.target.checked)} />} label="触发时自动立投诉" />
            <FormControlLabel control={<Checkbox size="small" checked={Boolean(failGrade)} onChange={(e) => toggle('grade', e.target.checked)} />} label="触发时定为不合格" />
          </>
        ) : null}
      </Stack>
      <ErrorsAt errors={errors} path={path} />
    </Box>
  );
}

export function FormEditor({ value, onChange }: { value: FormDefinition; onChange: (d: FormDefinition) => void }) {
  const api = useApi();
  const [tab, setTab] = useState<'visual' | 'json' | 'preview'>('visual');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [answers, setAnswers] = useState<Answers>({});
  const [jsonText, setJsonText] = useState(() => JSON.stringify(value, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const definition = value ?? BLANK;

  // Checked again only when the definition's content changes, not on every new object.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the definition's JSON text
  useEffect(() => {
    const timer = setTimeout(() => {
      api.post('/api/forms/check', { definition }).then(() => setErrors({}), (error) => setErrors(refusalOf(error, '').errors));
    }, 400);
    return () => clearTimeout(timer);
  }, [api, JSON.stringify(definition)]);

  const update = (f: (d: any) => void) => {
    const next = structuredClone(definition);
    f(next);
    onChange(next);
    setJsonText(JSON.stringify(next, null, 2));
  };
  const ids = new Set(definition.sections.flatMap((s) => s.items.map((i) => i.id)));
  const previewable = Object.keys(errors).length === 0;

  return (
    <Box sx={{ width: '100%' }} data-testid="form-editor">
      <Tabs value={tab} onChange={(_, t) => setTab(t)} sx={{ mb: 2 }}>
        <Tab value="visual" label="编辑" />
        <Tab value="json" label="JSON" />
        <Tab value="preview" label="预览与试算" />
      </Tabs>
      {Object.keys(errors).length ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="definition-errors">
          {errors.definition ?? '表单定义有误'}
          <ErrorsAt errors={errors} path="definition" />
        </Alert>
      ) : null}
      {tab === 'visual' ? (
        <Stack spacing={2}>
          <Stack direction="row" spacing={1}>
            <TextField size="small" label="表单标识（key）" value={definition.key} onChange={(e) => update((d) => { d.key = e.target.value; })} />
            <TextField size="small" label="表单名称" value={definition.title.zh} sx={{ flex: 1 }} onChange={(e) => update((d) => { d.title.zh = e.target.value; })} />
            <TextField size="small" label="English title" value={definition.title.en} sx={{ flex: 1 }} onChange={(e) => update((d) => { d.title.en = e.target.value; })} />
          </Stack>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="subtitle2" gutterBottom>等次（总分按 100 分折算）</Typography>
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {definition.scoring.bands.map((band, b) => (
                  <Stack key={b} direction="row" spacing={0.5}>
                    <TextField size="small" label="等次" value={band.label.zh} sx={{ width: 90 }} onChange={(e) => update((d) => { d.scoring.bands[b].label.zh = e.target.value; })} />
                    <TextField size="small" type="number" label="不低于" value={band.min} sx={{ width: 80 }} onChange={(e) => update((d) => { d.scoring.bands[b].min = num(e.target.value); })} />
                  </Stack>
                ))}
              </Stack>
              <ErrorsAt errors={errors} path="definition/scoring" />
            </CardContent>
          </Card>
          {definition.sections.map((section: FormSection, s) => (
            <Card key={s} variant="outlined" data-section-editor={section.id}>
              <CardContent>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <TextField size="small" label="部分编号" value={section.id} sx={{ width: 120 }} onChange={(e) => update((d) => { d.sections[s].id = e.target.value; })} />
                  <TextField size="small" label="部分名称" value={section.title.zh} sx={{ flex: 1 }} onChange={(e) => update((d) => { d.sections[s].title.zh = e.target.value; })} />
                  <Tooltip title="上移"><span><IconButton size="small" disabled={s === 0} onClick={() => update((d) => move(d.sections, s, s - 1))}>↑</IconButton></span></Tooltip>
                  <Tooltip title="下移"><span><IconButton size="small" disabled={s === definition.sections.length - 1} onClick={() => update((d) => move(d.sections, s, s + 1))}>↓</IconButton></span></Tooltip>
                  <Button size="small" color="error" onClick={() => update((d) => { d.sections.splice(s, 1); })}>删除部分</Button>
                </Stack>
                <ErrorsAt errors={errors} path={`definition/sections/${s}/title`} />
                {section.items.map((item, i) => (
                  <ItemEditor
                    key={i} item={item} path={`definition/sections/${s}/items/${i}`} errors={errors}
                    change={(f) => update((d) => f(d.sections[s].items[i]))}
                    actions={(
                      <>
                        <IconButton size="small" aria-label="上移" disabled={i === 0} onClick={() => update((d) => move(d.sections[s].items, i, i - 1))}>↑</IconButton>
                        <IconButton size="small" aria-label="下移" disabled={i === section.items.length - 1} onClick={() => update((d) => move(d.sections[s].items, i, i + 1))}>↓</IconButton>
                        <Button size="small" color="error" onClick={() => update((d) => { d.sections[s].items.splice(i, 1); })}>删除</Button>
                      </>
                    )}
                  />
                ))}
                <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }} useFlexGap>
                  {Object.entries(KINDS).map(([kind, l]) => (
                    <Button key={kind} size="small" variant="outlined" data-add-item={kind} onClick={() => update((d) => { d.sections[s].items.push(newItem(kind as FormItem['kind'], ids)); })}>+ {l}</Button>
                  ))}
                </Stack>
              </CardContent>
            </Card>
          ))}
          <Button variant="outlined" onClick={() => update((d) => { d.sections.push({ id: `section${d.sections.length + 1}`, title: { zh: '新的部分', en: 'New section' }, items: [] }); })}>+ 添加部分</Button>
        </Stack>
      ) : null}
      {tab === 'json' ? (
        <Stack spacing={1}>
          <TextField
            multiline minRows={20} fullWidth value={jsonText} slotProps={{ htmlInput: { style: { fontFamily: 'monospace', fontSize: 13 }, 'aria-label': 'JSON' } }}
            onChange={(e) => {
              setJsonText(e.target.value);
              try {
                onChange(JSON.parse(e.target.value));
                setJsonError(null);
              } catch (error) {
                setJsonError(String((error as Error).message));
              }
            }}
          />
          {jsonError ? <Alert severity="error">JSON 格式错误：{jsonError}</Alert> : null}
        </Stack>
      ) : null}
      {tab === 'preview' ? (
        previewable ? <FormSheet definition={definition} answers={answers} onChange={setAnswers} /> : <Alert severity="info">请先改正表单定义中的错误</Alert>
      ) : null}
    </Box>
  );
}

/** A revision once published is kept: its edits are saved as the key's next revision, published. */
function SaveAsRevision({ definition }: { definition: FormDefinition }) {
  const [create, { isPending }] = useCreate();
  const redirect = useRedirect();
  const notify = useNotify();
  const save = () => create('forms', { data: { definition, status: 'published' } }, {
    onSuccess: (row) => {
      notify(`已发布为第 ${row.revision} 版；已填写的评价表仍按原版本计分`, { type: 'success' });
      redirect('show', 'forms', row.id);
    },
    onError: (error) => notify(refusalOf(error, '保存失败').message, { type: 'error' }),
  });
  return (
    <Alert severity="info" sx={{ mb: 2 }} action={<Button variant="contained" size="small" disabled={isPending} onClick={save} data-testid="save-revision">另存为新版本并发布</Button>}>
      此版本已发布，已填写的评价表按它计分，不能直接修改；修改后请另存为新版本。
    </Alert>
  );
}

/** The `definition` input of the forms register. */
export function FormDefinitionInput({ field }: { field: FieldMeta }) {
  const { field: input } = useInput({ source: field.name, defaultValue: BLANK });
  const record = useRecordContext();
  return (
    <Box sx={{ width: '100%' }}>
      {record?.publishedAt ? <SaveAsRevision definition={input.value as FormDefinition} /> : null}
      <FormEditor value={input.value as FormDefinition} onChange={input.onChange} />
    </Box>
  );
}

/** The definition on a form's page: the sheet it draws, empty. */
export function FormDefinitionDisplay({ value }: { value: FormDefinition | undefined }) {
  return value ? <FormSheet definition={value} answers={{}} /> : null;
}
