import { z } from 'zod';
import { fieldStages } from './dicts.ts';
import { fieldPhotoFlags } from './field.schemas.ts';
import { pageQuerySchema, pageSchema } from './paging.ts';

/** One bar or slice of a chart: `key` is what the filtered list is asked for (a status, a region code …). */
export const overviewCountSchema = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
});
export type OverviewCount = z.infer<typeof overviewCountSchema>;

/** How projects are split by region: per 市州 for the province, per 区县 for a 市州 (or a 区县). */
export const overviewRegionLevels = ['city', 'county'] as const;
export type OverviewRegionLevel = (typeof overviewRegionLevels)[number];

/** 监管总览: the regulator's region at a glance; every figure names the list it opens. */
export const overviewSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  /** Today in Asia/Shanghai (YYYY-MM-DD): what 逾期 and the months are counted against. */
  today: z.string(),
  agencies: z.object({ total: z.number().int(), byStatus: z.array(overviewCountSchema) }),
  /** 监测人员 not deleted, of the agencies in the region. */
  staff: z.object({ total: z.number().int(), byStatus: z.array(overviewCountSchema) }),
  projects: z.object({
    total: z.number().int(),
    byStatus: z.array(overviewCountSchema),
    regionLevel: z.enum(overviewRegionLevels),
    byRegion: z.array(overviewCountSchema),
    byMonitoringType: z.array(overviewCountSchema),
    /** Registered per month, the last 12 months oldest first; `key` is YYYY-MM. */
    byMonth: z.array(overviewCountSchema),
  }),
  /** Violations not yet closed: 待整改 (of which 逾期) and 已提交 awaiting the regulator. */
  violations: z.object({
    open: z.number().int(),
    pending: z.number().int(),
    overdue: z.number().int(),
    submitted: z.number().int(),
  }),
  /** Field photos the server flagged (far from the site, clock or time mismatch, no position). */
  flaggedPhotos: z.object({ photos: z.number().int(), tasks: z.number().int() }),
  /** The review queues, counted as the queues themselves count. */
  reviews: z.object({
    agencies: z.number().int(),
    personnel: z.number().int(),
    projects: z.number().int(),
    total: z.number().int(),
  }),
});
export type Overview = z.infer<typeof overviewSchema>;

export const flaggedPhotoQuerySchema = pageQuerySchema.extend({
  flag: z.enum(fieldPhotoFlags).optional(),
});
export type FlaggedPhotoQuery = z.infer<typeof flaggedPhotoQuerySchema>;

/** A flagged field photo with its project, for 现场核查. */
export const flaggedPhotoSchema = z.object({
  photoId: z.string(),
  taskId: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  projectNo: z.string(),
  agencyName: z.string(),
  photoTypeLabel: z.string(),
  stage: z.enum(fieldStages),
  flags: z.array(z.enum(fieldPhotoFlags)),
  capturedAt: z.string(),
  /** Metres from the project site, when the position is known. */
  distanceM: z.number().nullable(),
  takenByName: z.string(),
});
export type FlaggedPhoto = z.infer<typeof flaggedPhotoSchema>;
export const flaggedPhotoPageSchema = pageSchema(flaggedPhotoSchema);
