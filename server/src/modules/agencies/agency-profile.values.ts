import {
  type AgencyProfileInput,
  type AgencyProfileValues,
  type AgencyRevision,
  type AgencyStatus,
  diffAgencyProfiles,
} from '@eco/contracts';
import type { Db } from '../../platform/db/client.ts';
import type { AgencyRow } from './agencies.queries.ts';
import { type AgencyRevisionRow, findRegion } from './agency-revisions.queries.ts';

/** The profile in force, as the agency row holds it. */
export function agencyRowValues(row: AgencyRow, regionName: string | null): AgencyProfileValues {
  return {
    name: row.name,
    creditCode: row.creditCode,
    legalRepresentative: row.legalRepresentative,
    registeredAddress: row.registeredAddress,
    officeAddress: row.officeAddress,
    regionCode: row.regionCode,
    regionName,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    email: row.email,
    industryCategories: row.industryCategories,
    cmaNumber: row.cmaNumber,
    cmaValidFrom: row.cmaValidFrom,
    cmaValidTo: row.cmaValidTo,
    qualificationScope: row.qualificationScope,
    introduction: row.introduction,
  };
}

/** What a revision stores: the validated input, `introduction` null when left empty. */
export function revisionData(input: AgencyProfileInput): Record<string, unknown> {
  return { ...input, introduction: input.introduction ? input.introduction : null };
}

/** The agency-row columns a profile sets (on approval, or mirrored while never approved). */
export function agencyColumns(data: Record<string, unknown>) {
  const input = data as AgencyProfileInput;
  return {
    name: input.name,
    creditCode: input.creditCode,
    legalRepresentative: input.legalRepresentative,
    registeredAddress: input.registeredAddress,
    officeAddress: input.officeAddress,
    regionCode: input.regionCode,
    contactPerson: input.contactPerson,
    contactPhone: input.contactPhone,
    email: input.email,
    industryCategories: input.industryCategories,
    cmaNumber: input.cmaNumber,
    cmaValidFrom: input.cmaValidFrom,
    cmaValidTo: input.cmaValidTo,
    qualificationScope: input.qualificationScope,
    introduction: input.introduction ?? null,
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export async function revisionValues(db: Db, data: Record<string, unknown>): Promise<AgencyProfileValues> {
  const regionCode = text(data.regionCode) ?? '';
  const region = regionCode ? await findRegion(db, regionCode) : undefined;
  return {
    name: text(data.name) ?? '',
    creditCode: text(data.creditCode) ?? '',
    legalRepresentative: text(data.legalRepresentative),
    registeredAddress: text(data.registeredAddress),
    officeAddress: text(data.officeAddress),
    regionCode,
    regionName: region?.name ?? null,
    contactPerson: text(data.contactPerson),
    contactPhone: text(data.contactPhone),
    email: text(data.email),
    industryCategories: Array.isArray(data.industryCategories) ? data.industryCategories.map(String) : [],
    cmaNumber: text(data.cmaNumber),
    cmaValidFrom: text(data.cmaValidFrom),
    cmaValidTo: text(data.cmaValidTo),
    qualificationScope: text(data.qualificationScope),
    introduction: text(data.introduction),
  };
}

/** A revision with its field-by-field changes against the version in force. */
export async function toRevision(
  db: Db,
  row: AgencyRevisionRow,
  inForce: AgencyProfileValues,
): Promise<AgencyRevision> {
  const data = await revisionValues(db, row.data);
  const { regionName: _a, ...before } = inForce;
  const { regionName: _b, ...after } = data;
  return {
    id: row.id,
    status: row.status as AgencyStatus,
    data,
    returnReason: row.returnReason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    changes: diffAgencyProfiles(before, after),
  };
}
