import {
  type Attachment,
  type AttachmentOwnerType,
  type AttachmentScope,
  type AttachmentTypeExtra,
  attachmentTypeExtraSchema,
} from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, buildUrl, uploadFile } from '../../app/api.ts';
import { fetchEnabledDictItems } from '../dicts/api.ts';

/** One 附件类型 with its limits, from the dictionary. */
export type AttachmentCategory = { code: string; label: string; limits: AttachmentTypeExtra };

export const attachmentKeys = {
  owner: (ownerType: AttachmentOwnerType, ownerId: string) => ['attachments', ownerType, ownerId] as const,
  categories: (scope: AttachmentScope) => ['attachment-categories', scope] as const,
};

export async function listAttachments(
  ownerType: AttachmentOwnerType,
  ownerId: string,
): Promise<Attachment[]> {
  return (await api.get<{ items: Attachment[] }>('/api/v1/attachments', { ownerType, ownerId })).items;
}

/** The enabled attachment types that apply to `scope`, in dictionary order. */
export async function fetchAttachmentCategories(scope: AttachmentScope): Promise<AttachmentCategory[]> {
  const items = await fetchEnabledDictItems('attachment_type');
  const categories: AttachmentCategory[] = [];
  for (const item of items) {
    const parsed = attachmentTypeExtraSchema.safeParse(item.extra);
    if (parsed.success && parsed.data.scope === scope) {
      categories.push({ code: item.code, label: item.label, limits: parsed.data });
    }
  }
  return categories;
}

export type UploadTarget = { ownerType: AttachmentOwnerType; ownerId: string; category: string };

export function uploadAttachment(
  target: UploadTarget,
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  return uploadFile<Attachment>(buildUrl('/api/v1/attachments', target), file, onProgress, signal);
}

export function renameAttachment(id: string, fileName: string): Promise<Attachment> {
  return api.patch<Attachment>(`/api/v1/attachments/${encodeURIComponent(id)}`, { fileName });
}

export function deleteAttachment(id: string): Promise<void> {
  return api.delete(`/api/v1/attachments/${encodeURIComponent(id)}`);
}

export function attachmentDownloadUrl(id: string): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}/download`;
}

export function useOwnerAttachments(ownerType: AttachmentOwnerType, ownerId: string) {
  return useQuery({
    queryKey: attachmentKeys.owner(ownerType, ownerId),
    queryFn: () => listAttachments(ownerType, ownerId),
  });
}

export function useAttachmentCategories(scope: AttachmentScope) {
  return useQuery({
    queryKey: attachmentKeys.categories(scope),
    queryFn: () => fetchAttachmentCategories(scope),
    staleTime: 5 * 60_000,
  });
}
