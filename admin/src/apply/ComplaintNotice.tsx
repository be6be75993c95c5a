// 投诉须知: the centre's public notice on complaints (settings complaintNotice*), shown on the public
// page when the centre has configured any of it.
import { useEffect, useState } from 'react';
import { fetchComplaintNotice, type ComplaintNotice as Notice } from './publicApi.js';

const CONTACTS: [keyof Notice, string][] = [
  ['address', '投诉地址'],
  ['phone', '投诉电话'],
  ['fax', '传真'],
  ['email', '电子邮箱'],
];

export function ComplaintNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    let live = true;
    // Without the notice the page still works: it is only left out.
    fetchComplaintNotice().then((n) => { if (live) setNotice(n); }, () => {});
    return () => { live = false; };
  }, []);
  if (!notice) return null;
  const contacts = CONTACTS.filter(([key]) => notice[key]);
  if (!contacts.length && !notice.scope && !notice.procedure) return null;
  return (
    <section className="card" data-testid="complaint-notice" aria-labelledby="complaint-notice-title">
      <h2 id="complaint-notice-title">投诉须知</h2>
      {notice.scope ? <p><strong>投诉范围：</strong>{notice.scope}</p> : null}
      {notice.procedure ? <p><strong>投诉程序：</strong>{notice.procedure}</p> : null}
      {contacts.length ? (
        <ul className="notice-contacts">
          {contacts.map(([key, label]) => <li key={key}>{label}：{notice[key]}</li>)}
        </ul>
      ) : null}
      {notice.centreName ? <p>受理单位：{notice.centreName}</p> : null}
    </section>
  );
}
