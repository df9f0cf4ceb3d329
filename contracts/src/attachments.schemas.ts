import { z } from 'zod';
import { attachmentScopes } from './dicts.ts';

/**
 * What a file can hang on: a dictionary scope, or `project_draft`, the browser-made id of a
 * 项目登记 form not yet saved (its files become the project's when it is saved).
 */
export const attachmentOwnerTypes = [...attachmentScopes, 'project_draft'] as const;
export type AttachmentOwnerType = (typeof attachmentOwnerTypes)[number];

/** The 附件类型 dictionary scope whose limits apply to an owner type. */
export function attachmentScopeOf(ownerType: AttachmentOwnerType): (typeof attachmentScopes)[number] {
  return ownerType === 'project_draft' ? 'project' : ownerType;
}

export const attachmentSchema = z.object({
  id: z.string(),
  ownerType: z.enum(attachmentOwnerTypes),
  ownerId: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** True when the text holds ASCII control characters (codes below 32, or 127). */
export function hasControlChars(value: string): boolean {
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (code < 32 || code === 127) return true;
  }
  return false;
}

export const renameAttachmentBodySchema = z.object({
  fileName: z
    .string({ error: '请输入文件名' })
    .trim()
    .min(1, '请输入文件名')
    .max(120, '文件名不能超过120个字符')
    .refine(
      (v) => !/[\\/:*?"<>|]/.test(v) && !hasControlChars(v),
      '文件名不能包含 \\ / : * ? " < > | 等字符',
    ),
});
