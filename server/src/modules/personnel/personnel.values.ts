import {
  maskIdNumber,
  maskMobile,
  type Personnel,
  type PersonnelChange,
  type PersonnelStatus,
  personnelFieldLabels,
} from '@eco/contracts';
import type { PiiCipher } from '../../platform/crypto/pii.ts';
import type { personnel } from './personnel.tables.ts';

export type PersonnelRow = typeof personnel.$inferSelect;

/** The stored columns a save writes: personal data sealed, hashed and masked. */
export type PersonnelValues = Pick<
  PersonnelRow,
  | 'name'
  | 'gender'
  | 'idNumberEnc'
  | 'idNumberHash'
  | 'idNumberMasked'
  | 'mobileEnc'
  | 'mobileHash'
  | 'mobileMasked'
  | 'title'
  | 'posts'
  | 'education'
>;

type PlainFields = { name: string; gender: string; title: string; posts: string[]; education: string };

export function sealIdNumber(pii: PiiCipher, idNumber: string) {
  return {
    idNumberEnc: pii.encrypt(idNumber),
    idNumberHash: pii.lookupHash(idNumber),
    idNumberMasked: maskIdNumber(idNumber),
  };
}

export function sealMobile(pii: PiiCipher, mobile: string) {
  return {
    mobileEnc: pii.encrypt(mobile),
    mobileHash: pii.lookupHash(mobile),
    mobileMasked: maskMobile(mobile),
  };
}

/**
 * The values a save proposes: plain fields as entered; an ID number or mobile left empty keeps
 * the stored one (the form never receives them in clear).
 */
export function proposeValues(
  pii: PiiCipher,
  current: PersonnelValues | null,
  input: PlainFields & { idNumber?: string | undefined; mobile?: string | undefined },
): PersonnelValues {
  const plain = {
    name: input.name,
    gender: input.gender,
    title: input.title,
    posts: input.posts,
    education: input.education,
  };
  const idNumber = input.idNumber
    ? current && current.idNumberHash === pii.lookupHash(input.idNumber)
      ? pick(current, ['idNumberEnc', 'idNumberHash', 'idNumberMasked'])
      : sealIdNumber(pii, input.idNumber)
    : current && pick(current, ['idNumberEnc', 'idNumberHash', 'idNumberMasked']);
  const mobile = input.mobile
    ? current && current.mobileHash === pii.lookupHash(input.mobile)
      ? pick(current, ['mobileEnc', 'mobileHash', 'mobileMasked'])
      : sealMobile(pii, input.mobile)
    : current && pick(current, ['mobileEnc', 'mobileHash', 'mobileMasked']);
  if (!idNumber || !mobile) throw new Error('新增人员必须填写身份证号和手机号');
  return { ...plain, ...idNumber, ...mobile };
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = obj[k];
  return out;
}

/** The values of a row, overlaid with its pending change when there is one. */
export function withPending(row: PersonnelRow): PersonnelValues {
  return { ...row, ...((row.pendingChanges ?? {}) as Partial<PersonnelValues>) };
}

/** What an auditor or reviewer may see of the values: masked personal data, never sealed or hashed. */
export function displayValues(v: PersonnelValues): Record<keyof typeof personnelFieldLabels, unknown> {
  return {
    name: v.name,
    gender: v.gender,
    idNumber: v.idNumberMasked,
    mobile: v.mobileMasked,
    title: v.title,
    posts: v.posts,
    education: v.education,
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The stored columns that differ between two versions (hash decides for ID number and mobile). */
export function changedColumns(from: PersonnelValues, to: PersonnelValues): Partial<PersonnelValues> {
  const out: Partial<PersonnelValues> = {};
  const plain = ['name', 'gender', 'title', 'posts', 'education'] as const;
  for (const key of plain) if (!sameJson(from[key], to[key])) Object.assign(out, { [key]: to[key] });
  if (from.idNumberHash !== to.idNumberHash) {
    Object.assign(out, pick(to, ['idNumberEnc', 'idNumberHash', 'idNumberMasked']));
  }
  if (from.mobileHash !== to.mobileHash)
    Object.assign(out, pick(to, ['mobileEnc', 'mobileHash', 'mobileMasked']));
  return out;
}

/** Field-by-field differences for people to read, in form order. */
export function describeChanges(from: PersonnelValues, to: PersonnelValues): PersonnelChange[] {
  const before = displayValues(from);
  const after = displayValues(to);
  const fields = Object.keys(personnelFieldLabels) as (keyof typeof personnelFieldLabels)[];
  return fields
    .filter((f) =>
      f === 'idNumber'
        ? from.idNumberHash !== to.idNumberHash
        : f === 'mobile'
          ? from.mobileHash !== to.mobileHash
          : !sameJson(before[f], after[f]),
    )
    .map((f) => ({ field: f, label: personnelFieldLabels[f], before: before[f], after: after[f] }));
}

/** Approved values stay in force while a change to them is under review or returned. */
export function isPersonnelApproved(row: Pick<PersonnelRow, 'status' | 'pendingChanges'>): boolean {
  return row.status === 'approved' || row.pendingChanges !== null;
}

export function toPersonnel(row: PersonnelRow, hasAccount: boolean): Personnel {
  return {
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    gender: row.gender,
    idNumberMasked: row.idNumberMasked,
    mobileMasked: row.mobileMasked,
    title: row.title,
    posts: row.posts,
    education: row.education,
    status: row.status as PersonnelStatus,
    isApproved: isPersonnelApproved(row),
    pendingChanges: row.pendingChanges ? describeChanges(row, withPending(row)) : [],
    returnReason: row.returnReason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    hasAccount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
