// 进度查询: tracking code + the applicant's phone → the state and what the centre asks for.
import { useState, type FormEvent } from 'react';
import { lookUp, PublicApiError, type ApplicationStatus } from './publicApi.js';

export function StatusLookup() {
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const [found, setFound] = useState<ApplicationStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFound(null);
    setMessage(null);
    setBusy(true);
    try {
      setFound(await lookUp(code, phone));
    } catch (error) {
      setMessage(error instanceof PublicApiError ? error.message : '网络异常，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form className="card" onSubmit={submit}>
        <section>
          <h2>查询办理进度</h2>
          <div className="field">
            <label htmlFor="q-code">查询码<span className="required">*</span></label>
            <input id="q-code" name="trackingCode" type="text" placeholder="例如 ABCD-EFGH-JKMN" value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="q-phone">申请时填写的手机号码<span className="required">*</span></label>
            <input id="q-phone" name="phone" type="text" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </div>
          <button className="primary" type="submit" disabled={busy}>{busy ? '正在查询……' : '查询'}</button>
        </section>
      </form>
      {message ? <section className="card" role="alert" data-testid="status-not-found">{message}</section> : null}
      {found ? (
        <section className="card" aria-live="polite" data-testid="status-result">
          <h2>办理进度</h2>
          <p>查询码：{found.trackingCode}　申请日期：{found.submittedOn}</p>
          <p>当前状态：<span className="status">{found.statusLabel.zh}</span></p>
          <p>中心告知事项：{found.notice ?? '暂无'}</p>
        </section>
      ) : null}
    </>
  );
}
