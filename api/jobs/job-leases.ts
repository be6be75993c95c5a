// Background jobs that any API process may run: the jobs are rows of a register (status queued →
// running → an end state of the plugin's choosing), and a process runs one only under a lease it
// holds on the row (leaseOwner, leaseUntil) and renews while it works. Claiming is a change under
// the row's lock (Records.change: FOR UPDATE on PostgreSQL, the one writer on SQLite) that moves
// the row from queued only, so two processes never both start a job. A process that dies stops
// renewing; whichever process next looks (`requeueExpired`, polled) queues the job again. A
// process that lost its lease (stalled past it, and the job was queued again) finds its renewals
// refused and its end write too, so a job has one result.
//
// Lease times are written and compared on each process's own clock: clocks must agree to well
// within a lease (15 s by default, FAYUAN_JOB_LEASE_MS).
import crypto from 'node:crypto';
import { ApiError } from '../rest/errors.js';
import { tableName, type Actor, type Field, type ResourceDefinition, type Row } from '../resources/define.js';
import type { Records } from '../rest/records.js';

/** The two columns a job register declares (spread them into its fields). */
export const jobLeaseFields: Record<'leaseOwner' | 'leaseUntil', Field> = {
  leaseOwner: { type: 'text', label: { zh: '执行进程', en: 'Run by process' }, readOnly: true },
  leaseUntil: { type: 'datetime', label: { zh: '租约到期', en: 'Lease until' }, readOnly: true },
};

export interface JobLeaseOptions {
  records: Records;
  resource: () => ResourceDefinition;
  /** Whose change a job's transitions are recorded as (its requester, usually). */
  actorOf(job: Row): Actor;
  leaseMs: number;
}

const ended = () => new ApiError(409, { zh: '任务已结束或已由其他进程接手', en: 'The job has ended or another process took it over' });

export class JobLeases {
  /** This process, as the rows name it (random: a job's requester reads the row, and learns nothing of the host). */
  readonly owner = crypto.randomUUID();

  constructor(private readonly options: JobLeaseOptions) {}

  private get db() {
    return this.options.records.database.db;
  }

  private until() {
    return new Date(Date.now() + this.options.leaseMs).toISOString();
  }

  private expired(job: Row) {
    return !job.leaseUntil || new Date(job.leaseUntil as string | Date).getTime() <= Date.now();
  }

  /** A change of the job under its lock, if `allowed` still holds for the row as it is; false otherwise. */
  private async change(job: Row, action: string, allowed: (current: Row) => boolean, columns: Row): Promise<boolean> {
    try {
      await this.options.records.change(this.options.resource(), Number(job.id), this.options.actorOf(job), {
        action,
        plan: (current) => {
          if (!allowed(current)) throw ended();
          return columns;
        },
      });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) return false;
      throw error;
    }
  }

  /** Takes the oldest queued job (running, under this process's lease), or null when none is queued. */
  async claimNext(columns: Row = {}): Promise<Row | null> {
    for (;;) {
      const job = await this.db.selectFrom(tableName(this.options.resource())).selectAll().where('status', '=', 'queued').orderBy('id').executeTakeFirst();
      if (!job) return null;
      const claimed = await this.change(job, 'start', (current) => current.status === 'queued', { ...columns, status: 'running', leaseOwner: this.owner, leaseUntil: this.until() });
      if (claimed) return { ...job, ...columns, status: 'running', leaseOwner: this.owner };
      // Another process took it (or it was cancelled) between the read and the lock: the next one.
    }
  }

  /** Extends the lease (bookkeeping, not audited); false once the job is no longer running under it. */
  async renew(job: Row): Promise<boolean> {
    const result = await this.db.updateTable(tableName(this.options.resource())).set({ leaseUntil: this.until() })
      .where('id', '=', Number(job.id)).where('status', '=', 'running').where('leaseOwner', '=', this.owner).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records progress or the end of a job this process holds; false if it no longer does. */
  async update(job: Row, action: string, columns: Row): Promise<boolean> {
    const ending = columns.status !== undefined && columns.status !== 'running';
    return this.change(job, action, (current) => current.status === 'running' && current.leaseOwner === this.owner,
      ending ? { ...columns, leaseOwner: null, leaseUntil: null } : { ...columns, leaseUntil: this.until() });
  }

  /** Queues again every running job whose lease has run out (its process stopped); answers how many. */
  async requeueExpired(columns: Row): Promise<number> {
    const running = await this.db.selectFrom(tableName(this.options.resource())).selectAll().where('status', '=', 'running').execute();
    let requeued = 0;
    for (const job of running.filter((j) => this.expired(j))) {
      const stillExpired = (current: Row) => current.status === 'running' && this.expired(current);
      if (await this.change(job, 'resume', stillExpired, { ...columns, status: 'queued', leaseOwner: null, leaseUntil: null })) requeued++;
    }
    return requeued;
  }
}
