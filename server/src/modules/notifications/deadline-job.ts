import { deadlineReminderDays } from '@eco/contracts';
import type { Config } from '../../platform/config.ts';
import type { Log } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import {
  type DeadlineCandidate,
  listPendingViolationsDueBy,
  tryDeadlineJobLock,
} from './notifications.queries.ts';
import {
  findAgencyUserIds,
  findRegulatorIdsFor,
  type NewNotification,
  notifyUsers,
  shanghaiDate,
} from './notify.ts';

/** The advisory lock key of the deadline scan (distinct from the audit chain's 727_001). */
export const deadlineJobLockKey = 727_006;
/** Violations read per query: memory stays flat however many are open. */
const batchSize = 500;

function about(v: DeadlineCandidate): string {
  return v.projectName ? `项目「${v.projectName}」的违规问题「${v.problem}」` : `违规问题「${v.problem}」`;
}

/** Where each side opens a violation in the web app: 违规待整改 for the agency, 违规管理 for regulators. */
const agencyLink = (v: DeadlineCandidate) => `/rectifications/${v.id}`;
const regulatorLink = (v: DeadlineCandidate) => `/violations/${v.id}`;

function soonMessage(v: DeadlineCandidate): NewNotification {
  return {
    kind: 'deadline_soon',
    title: '整改期限临近',
    body: `${about(v)}整改期限为 ${v.deadline}，请在期限前提交整改。`,
    link: agencyLink(v),
    targetType: 'violation',
    targetId: v.id,
    dedupeKey: `violation:${v.id}:deadline_soon:${v.deadline}`,
  };
}

function passedMessage(v: DeadlineCandidate, link: string): NewNotification {
  return {
    kind: 'deadline_passed',
    title: '整改已逾期',
    body: `${v.agencyName}：${about(v)}整改期限为 ${v.deadline}，已逾期未提交整改。`,
    link,
    targetType: 'violation',
    targetId: v.id,
    dedupeKey: `violation:${v.id}:deadline_passed:${v.deadline}`,
  };
}

/** Recipients looked up once per run: many violations share an agency or a region. */
function memoize(load: (key: string) => Promise<string[]>): (key: string) => Promise<string[]> {
  const known = new Map<string, string[]>();
  return async (key) => {
    const cached = known.get(key);
    if (cached) return cached;
    const value = await load(key);
    known.set(key, value);
    return value;
  };
}

/**
 * Sends 整改期限临近 (deadline within `deadlineReminderDays`, to the agency) and 整改已逾期 (deadline
 * passed, to the agency and the regulators of the region) for pending violations, as of `now`.
 * Returns the number of messages written.
 *
 * Exactly once, with any number of server processes: each message has a dedupe key, and the
 * unique (user_id, dedupe_key) index with ON CONFLICT DO NOTHING drops a second copy, whoever
 * writes it. The transaction-scoped advisory lock is only an economy on top: while one process
 * scans, another skips at once instead of repeating the same inserts; the lock goes with the
 * transaction, so a crashed worker never leaves it held.
 */
export async function runDeadlineJob(db: Db, now: Date): Promise<{ soon: number; passed: number }> {
  const today = shanghaiDate(now);
  const lastDay = shanghaiDate(now, deadlineReminderDays);
  return db.transaction(async (tx) => {
    const sent = { soon: 0, passed: 0 };
    if (!(await tryDeadlineJobLock(tx, deadlineJobLockKey))) return sent;
    const usersOf = memoize((agencyId: string) => findAgencyUserIds(tx, agencyId));
    const regulatorsOf = memoize((regionCode: string) => findRegulatorIdsFor(tx, regionCode));
    // Keyset pages in (deadline, id) order, so violations that stay overdue never starve later ones.
    let after: { deadline: string; id: string } | null = null;
    for (;;) {
      const batch = await listPendingViolationsDueBy(tx, { lastDay, after, limit: batchSize });
      for (const v of batch) {
        const agencyUserIds = await usersOf(v.agencyId);
        if (v.deadline >= today) {
          sent.soon += await notifyUsers(tx, agencyUserIds, soonMessage(v), now);
        } else {
          sent.passed += await notifyUsers(tx, agencyUserIds, passedMessage(v, agencyLink(v)), now);
          const regulatorIds = await regulatorsOf(v.regionCode);
          sent.passed += await notifyUsers(tx, regulatorIds, passedMessage(v, regulatorLink(v)), now);
        }
      }
      const last = batch.at(-1);
      if (batch.length < batchSize || !last) return sent;
      after = { deadline: last.deadline, id: last.id };
    }
  });
}

/**
 * Runs the deadline job now and every `config.notifications.deadlineIntervalMinutes`; the timer
 * does not keep the process alive, and a failed run is logged and tried again next time.
 */
export function scheduleDeadlineJob(db: Db, config: Config, now: () => Date, log: Log): void {
  const run = () =>
    runDeadlineJob(db, now()).then(
      (sent) => {
        if (sent.soon + sent.passed > 0) log.info(sent, 'rectification deadline messages sent');
      },
      (error: unknown) => log.error({ err: error }, 'rectification deadline job failed'),
    );
  void run();
  const minutes = Math.max(1, config.notifications.deadlineIntervalMinutes);
  setInterval(run, minutes * 60 * 1000).unref();
}
