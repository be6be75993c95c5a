// The public page (/apply): apply for legal aid without an account, and track the application with
// its code and the applicant's phone. It draws the form from /api/public/application-form (the
// applicant's fields of the case declaration) and talks only to /api/public/.
import '../no-eval.js'; // first: before any schema parses
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ApplicationForm } from './ApplicationForm.js';
import { ComplaintNotice } from './ComplaintNotice.js';
import { StatusLookup } from './StatusLookup.js';

function PublicPage() {
  const [tab, setTab] = useState<'apply' | 'status'>(location.pathname.endsWith('/status') ? 'status' : 'apply');
  const show = (next: 'apply' | 'status') => {
    setTab(next);
    history.replaceState(null, '', next === 'status' ? '/apply/status' : '/apply');
  };
  return (
    <div className="page">
      <header>
        <h1>法律援助网上申请</h1>
        <p>经济困难或符合法定条件的公民，可以在线申请法律援助；提交后请保存查询码，用于查询办理进度。</p>
      </header>
      <div role="tablist">
        <button role="tab" aria-selected={tab === 'apply'} type="button" onClick={() => show('apply')}>我要申请</button>
        <button role="tab" aria-selected={tab === 'status'} type="button" onClick={() => show('status')}>进度查询</button>
      </div>
      {tab === 'apply' ? <ApplicationForm /> : <StatusLookup />}
      <ComplaintNotice />
      <footer>法律援助咨询热线 12348 · 本页面不需要注册账号</footer>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><PublicPage /></StrictMode>);
