// The application form, drawn from the declaration's applicant fields, in four groups.
import { useEffect, useState, type FormEvent } from 'react';
import { fetchForm, PublicApiError, solveChallenge, submitApplication, type ApplicationFormMeta, type PublicField } from './publicApi.js';

const groups: Array<{ title: string; fields: string[] }> = [
  { title: '申请人信息', fields: ['applicantName', 'applicantIdNumber', 'applicantGender', 'applicantBirthDate', 'applicantPhone', 'applicantAddress', 'applicantGroups'] },
  { title: '案件情况', fields: ['caseType', 'causeOfAction', 'caseSummary'] },
  { title: '对方当事人', fields: ['opposingPartyName', 'opposingPartyIdNumber'] },
  { title: '经济状况', fields: ['householdMonthlyIncome', 'householdSize', 'exemptionReason'] },
];

type Values = Record<string, string | string[]>;

function FieldInput({ field, value, onChange, error }: { field: PublicField; value: string | string[] | undefined; onChange: (v: string | string[]) => void; error?: string }) {
  const id = `f-${field.name}`;
  const label = <label htmlFor={id}>{field.label.zh}{field.required ? <span className="required">*</span> : null}</label>;
  let input;
  switch (field.type) {
    case 'enum':
      input = (
        <select id={id} name={field.name} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
          <option value="">请选择</option>
          {field.options?.map((o) => <option key={o.id} value={o.id}>{o.label.zh}</option>)}
        </select>
      );
      break;
    case 'tags': {
      const chosen = Array.isArray(value) ? value : [];
      input = (
        <div className="tags" id={id}>
          {field.options?.map((o) => (
            <label key={o.id}>
              <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id))} />
              {o.label.zh}
            </label>
          ))}
        </div>
      );
      break;
    }
    case 'longText':
      input = <textarea id={id} name={field.name} maxLength={field.maxLength} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'integer':
    case 'money':
      input = <input id={id} name={field.name} type="number" min={field.min} max={field.max} step={field.type === 'money' ? '0.01' : '1'} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'date':
      input = <input id={id} name={field.name} type="date" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
      break;
    default:
      input = <input id={id} name={field.name} type="text" maxLength={field.maxLength} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className="field">
      {label}
      {input}
      {field.help ? <div className="help">{field.help.zh}</div> : null}
      {error ? <div className="error" role="alert">{error}</div> : null}
    </div>
  );
}

function payloadOf(fields: PublicField[], values: Values) {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === '') continue;
    out[field.name] = (field.type === 'integer' || field.type === 'money') ? Number(value) : value;
  }
  return out;
}

export function ApplicationForm() {
  const [meta, setMeta] = useState<ApplicationFormMeta | null>(null);
  const [values, setValues] = useState<Values>({});
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [trackingCode, setTrackingCode] = useState<string | null>(null);

  useEffect(() => { fetchForm().then(setMeta, () => setMessage('表单加载失败，请刷新页面')); }, []);

  if (trackingCode) {
    return (
      <section className="card" aria-live="polite">
        <h2>申请已提交</h2>
        <p>您的查询码：</p>
        <div className="code" data-testid="tracking-code">{trackingCode}</div>
        <p>请抄写或截图保存查询码。凭查询码和申请时填写的手机号码，可在“进度查询”中查看办理进度和中心的告知事项。</p>
      </section>
    );
  }
  if (!meta) return <section className="card">{message ?? '正在加载……'}</section>;
  const byName = new Map(meta.fields.map((f) => [f.name, f]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    try {
      setBusy('正在进行安全验证……');
      const { token, solution } = await solveChallenge();
      setBusy('正在提交……');
      const form = new FormData();
      form.set('application', JSON.stringify(payloadOf(meta!.fields, values)));
      if (consent) form.set('consent', 'true');
      form.set('challengeToken', token);
      form.set('challengeSolution', solution);
      for (const [name, file] of Object.entries(files)) if (file) form.set(name, file);
      setTrackingCode((await submitApplication(form)).trackingCode);
    } catch (error) {
      if (error instanceof PublicApiError) {
        setErrors(error.errors);
        setMessage(error.message);
      } else setMessage('网络异常，请稍后重试');
    } finally {
      setBusy(null);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      {groups.map((group) => {
        const fields = group.fields.map((n) => byName.get(n)).filter((f): f is PublicField => Boolean(f));
        if (!fields.length) return null;
        return (
          <section className="card" key={group.title}>
            <h2>{group.title}</h2>
            {fields.map((field) => (
              <FieldInput key={field.name} field={field} value={values[field.name]} error={errors[field.name]} onChange={(v) => setValues((old) => ({ ...old, [field.name]: v }))} />
            ))}
          </section>
        );
      })}
      <section className="card">
        <h2>证明材料</h2>
        {Object.entries(meta.uploads).map(([name, { label }]) => (
          <div className="field" key={name}>
            <label htmlFor={`u-${name}`}>{label.zh}{name === 'idDocument' || !values.exemptionReason ? <span className="required">*</span> : null}</label>
            <input id={`u-${name}`} name={name} type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFiles((old) => ({ ...old, [name]: e.target.files?.[0] ?? null }))} />
            <div className="help">PDF、JPG 或 PNG，每个文件不超过 {meta.fileLimitMb} MB{name === 'hardshipProof' ? '；属于免予经济困难审查情形的可不提交' : ''}</div>
            {errors[name] ? <div className="error" role="alert">{errors[name]}</div> : null}
          </div>
        ))}
      </section>
      <section className="card">
        <h2>个人信息处理</h2>
        <div className="consent">
          法律援助中心仅为审查、办理您的法律援助申请而收集、使用上述个人信息和证明材料，依照《中华人民共和国个人信息保护法》予以保密，
          除法律规定外不向他人提供。您可以向中心查询、更正您的个人信息。
        </div>
        <div className="field">
          <label><input type="checkbox" name="consent" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> 我已阅读并同意上述个人信息处理规则<span className="required">*</span></label>
          {errors.consent ? <div className="error" role="alert">{errors.consent}</div> : null}
        </div>
        {message ? <div className="form-error" role="alert">{message}</div> : null}
        <p><button className="primary" type="submit" disabled={Boolean(busy)}>{busy ?? '提交申请'}</button></p>
      </section>
    </form>
  );
}
