import type { AttachmentTypeExtra, FileKind } from '@eco/contracts';

export const fileKindLabels: Record<FileKind, string> = {
  pdf: 'PDF',
  jpg: 'JPG',
  png: 'PNG',
  docx: 'Word(.docx)',
  xlsx: 'Excel(.xlsx)',
  zip: 'ZIP',
};

const kindExtensions: Record<FileKind, readonly string[]> = {
  pdf: ['.pdf'],
  jpg: ['.jpg', '.jpeg'],
  png: ['.png'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  zip: ['.zip'],
};

/** The file picker's `accept`: a hint only, the server judges a file by its bytes. */
export function acceptFor(kinds: readonly FileKind[]): string {
  return kinds.flatMap((kind) => kindExtensions[kind]).join(',');
}

export function describeKinds(kinds: readonly FileKind[]): string {
  return kinds.map((kind) => fileKindLabels[kind]).join('、');
}

/** 单个文件不超过10MB · 最多5个 · 支持 PDF、JPG、PNG */
export function describeLimits(limits: AttachmentTypeExtra): string {
  return `单个文件不超过${limits.maxSizeMb}MB · 最多${limits.maxCount}个 · 支持 ${describeKinds(limits.kinds)}`;
}

/**
 * Checks what the browser can check before sending: size and extension. Returns the refusal to
 * show, or null. The server still checks the content itself.
 */
export function precheckFile(file: File, label: string, limits: AttachmentTypeExtra): string | null {
  if (file.size === 0) return '文件为空，请重新选择';
  if (file.size > limits.maxSizeMb * 1024 * 1024) {
    return `「${label}」单个文件不能超过${limits.maxSizeMb}MB，所选文件过大`;
  }
  const name = file.name.toLowerCase();
  const isKnownExtension = limits.kinds.some((kind) =>
    kindExtensions[kind].some((ext) => name.endsWith(ext)),
  );
  if (!isKnownExtension) return `「${label}」只支持 ${describeKinds(limits.kinds)} 文件`;
  return null;
}
