import { Descriptions } from 'antd';
import { formatFileSize } from '../../app/time.ts';
import type { HashedFile } from './FileHashDropZone.tsx';

/** The dropped file: name, size and the SHA-256 the browser computed. */
export function HashedFileFacts({ file }: { file: HashedFile }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        { key: 'name', label: '文件名', children: file.name },
        { key: 'size', label: '文件大小', children: formatFileSize(file.size) },
        {
          key: 'sha256',
          label: 'SHA-256',
          children: (
            <code style={{ wordBreak: 'break-all' }} data-testid="public-verify-sha256">
              {file.sha256}
            </code>
          ),
        },
      ]}
    />
  );
}
