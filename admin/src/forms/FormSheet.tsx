// The one sheet component: draws any form definition for filling (onChange) or for reading,
// with the score and grade the engine gives (a preview; the server stores its own).
import type { ReactNode } from 'react';
import {
  Box, Card, CardContent, Checkbox, Chip, FormControlLabel, FormGroup, Radio, RadioGroup, Slider, Stack, TextField, Typography,
} from '@mui/material';
import { scoreSheet, type AnswerValue, type Answers, type FormDefinition, type FormItem } from '../../../forms/engine.js';
import { useLabel } from '../i18n.js';

export interface FormSheetProps {
  definition: FormDefinition;
  answers: Answers;
  /** Omitted: the sheet is read, not filled. */
  onChange?: (answers: Answers) => void;
  /** What the server stored, shown instead of the preview when reading. */
  stored?: { score: number | null; grade: string | null };
}

const YES_NO = [{ value: 'true', zh: '是', en: 'Yes' }, { value: 'false', zh: '否', en: 'No' }];

function ItemInput({ item, value, set, readOnly }: { item: FormItem; value: AnswerValue | undefined; set: (v: AnswerValue | undefined) => void; readOnly: boolean }) {
  const label = useLabel();
  switch (item.kind) {
    case 'score':
      return (
        <Stack direction="row" spacing={2} sx={{ maxWidth: 480, alignItems: 'center' }}>
          <Slider
            value={typeof value === 'number' ? value : item.min} min={item.min} max={item.max} step={item.step} marks valueLabelDisplay="auto"
            disabled={readOnly} onChange={(_, v) => set(v as number)} aria-label={label(item.label)}
          />
          <TextField
            size="small" type="number" value={typeof value === 'number' ? value : ''} sx={{ width: 96 }} disabled={readOnly}
            slotProps={{ htmlInput: { min: item.min, max: item.max, step: item.step, 'data-item': item.id } }}
            onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
          />
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>/ {item.max}</Typography>
        </Stack>
      );
    case 'yes_no':
      return (
        <RadioGroup row value={value === undefined ? '' : String(value)} onChange={(e) => set(e.target.value === 'true')}>
          {YES_NO.map((o) => <FormControlLabel key={o.value} value={o.value} control={<Radio size="small" />} label={label(o)} disabled={readOnly} />)}
        </RadioGroup>
      );
    case 'single_choice':
      return (
        <RadioGroup row value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.target.value)}>
          {item.options.map((o) => <FormControlLabel key={o.value} value={o.value} control={<Radio size="small" />} label={label(o.label)} disabled={readOnly} />)}
        </RadioGroup>
      );
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <FormGroup row>
          {item.options.map((o) => (
            <FormControlLabel
              key={o.value} label={label(o.label)} disabled={readOnly}
              control={<Checkbox size="small" checked={chosen.includes(o.value)} onChange={(e) => set(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))} />}
            />
          ))}
        </FormGroup>
      );
    }
    case 'date':
      return <TextField size="small" type="date" value={typeof value === 'string' ? value : ''} disabled={readOnly} onChange={(e) => set(e.target.value || undefined)} />;
    case 'text':
    case 'signature':
      return (
        <TextField
          size="small" fullWidth={item.kind === 'text'} multiline={item.kind === 'text'} minRows={item.kind === 'text' ? 2 : undefined}
          value={typeof value === 'string' ? value : ''} disabled={readOnly} onChange={(e) => set(e.target.value || undefined)}
        />
      );
  }
}

export function SheetScore({ score, grade, definition }: { score: number | null; grade: string | null; definition: FormDefinition }) {
  const label = useLabel();
  const band = definition.scoring.bands.find((b) => b.grade === grade);
  return (
    <Stack direction="row" spacing={1} data-testid="sheet-score" sx={{ alignItems: 'center' }}>
      <Typography variant="h5" component="span">{score === null ? '—' : score}</Typography>
      <Typography variant="body2" color="text.secondary" component="span">/ 100</Typography>
      {band ? <Chip size="small" color={band.min >= 75 ? 'success' : band.min > 0 ? 'warning' : 'error'} label={label(band.label)} /> : null}
    </Stack>
  );
}

export function FormSheet({ definition, answers, onChange, stored }: FormSheetProps): ReactNode {
  const label = useLabel();
  const readOnly = !onChange;
  const preview = scoreSheet(definition, answers);
  const shown = readOnly && stored ? stored : { score: preview.score, grade: preview.grade };
  const set = (id: string) => (value: AnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    onChange?.(next);
  };
  return (
    <Stack spacing={2} sx={{ width: '100%' }} data-form={definition.key}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6">{label(definition.title)}</Typography>
        <SheetScore score={shown.score} grade={shown.grade} definition={definition} />
      </Stack>
      {definition.sections.map((section, s) => (
        <Card key={section.id} variant="outlined">
          <CardContent>
            <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
              <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{label(section.title)}</Typography>
              {preview.bySection[s]?.maxPoints ? (
                <Typography variant="body2" color="text.secondary">{preview.bySection[s].points} / {preview.bySection[s].maxPoints}</Typography>
              ) : null}
            </Stack>
            {section.help ? <Typography variant="body2" color="text.secondary">{label(section.help)}</Typography> : null}
            {section.items.map((item) => (
              <Box key={item.id} sx={{ mt: 1.5 }} data-item-id={item.id}>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {label(item.label)}{item.required ? <Box component="span" sx={{ color: 'error.main' }}> *</Box> : null}
                  {'weight' in item && item.weight !== undefined ? <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>（权重 {item.weight}）</Box> : null}
                </Typography>
                {item.help ? <Typography variant="caption" color="text.secondary">{label(item.help)}</Typography> : null}
                <ItemInput item={item} value={answers[item.id]} set={set(item.id)} readOnly={readOnly} />
              </Box>
            ))}
          </CardContent>
        </Card>
      ))}
      {preview.consequences.length ? (
        <Stack spacing={0.5}>
          {preview.consequences.map((c, i) => (
            <Typography key={i} variant="body2" color="error.main">⚠ {c.label ? label(c.label) : c.effect === 'open_complaint' ? '将自动登记投诉' : `等次定为 ${c.grade}`}</Typography>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
