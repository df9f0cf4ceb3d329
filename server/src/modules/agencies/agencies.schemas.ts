import { agencyStatuses, pageQuerySchema, pageSchema } from '@eco/contracts';
import { z } from 'zod';

export const agencySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  status: z.enum(agencyStatuses),
  legalRepresentative: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  industryCategories: z.array(z.string()),
  cmaNumber: z.string().nullable(),
  cmaValidTo: z.string().nullable(),
  createdAt: z.string(),
});

export const agencyListQuerySchema = pageQuerySchema.extend({
  name: z.string().trim().max(100).optional(),
  status: z.enum(agencyStatuses).optional(),
});

export const agencyPageSchema = pageSchema(agencySummarySchema);
