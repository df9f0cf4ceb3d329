import {
  type AttachmentScope,
  type AttachmentTypeExtra,
  attachmentTypeExtraSchema,
  type PhotoTypeExtra,
  photoTypeExtraSchema,
} from '@eco/contracts';

export const attachmentScopeLabels: Record<AttachmentScope, string> = {
  agency: '机构信息',
  personnel: '人员信息',
  project: '项目',
  report: '监测报告',
  violation: '违规处理',
  rectification: '整改材料',
};

/** A 照片类型 item's extra, or null when it does not have the expected shape. */
export function readPhotoExtra(extra: Record<string, unknown> | null): PhotoTypeExtra | null {
  const parsed = photoTypeExtraSchema.safeParse(extra);
  return parsed.success ? parsed.data : null;
}

/** A 附件类型 item's extra, or null when it does not have the expected shape. */
export function readAttachmentExtra(extra: Record<string, unknown> | null): AttachmentTypeExtra | null {
  const parsed = attachmentTypeExtraSchema.safeParse(extra);
  return parsed.success ? parsed.data : null;
}
