import type { FileKind } from '@eco/contracts';
import { fileTypeFromFile } from 'file-type';

/** What the bytes are, from their magic numbers; the name the user gave is not consulted. */
export async function detectFileKind(filePath: string): Promise<{ kind: FileKind | null; mime: string }> {
  const found = await fileTypeFromFile(filePath);
  if (!found) return { kind: null, mime: 'application/octet-stream' };
  switch (found.ext) {
    case 'pdf':
      return { kind: 'pdf', mime: found.mime };
    case 'jpg':
      return { kind: 'jpg', mime: found.mime };
    case 'png':
      return { kind: 'png', mime: found.mime };
    case 'docx':
      return { kind: 'docx', mime: found.mime };
    case 'xlsx':
      return { kind: 'xlsx', mime: found.mime };
    case 'zip':
      return { kind: 'zip', mime: found.mime };
    default:
      return { kind: null, mime: found.mime };
  }
}

export const fileKindLabels: Record<FileKind, string> = {
  pdf: 'PDF',
  jpg: 'JPG',
  png: 'PNG',
  docx: 'Word(.docx)',
  xlsx: 'Excel(.xlsx)',
  zip: 'ZIP',
};
