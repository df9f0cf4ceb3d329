import { type FieldPhoto, fieldPhotoFlagLabels } from '@eco/contracts';
import { Image, Space, Tag, Tooltip, Typography } from 'antd';
import { formatDateTime } from '../../app/time.ts';
import { photoUrl } from './api.ts';
import { flagExplanation, formatDistance } from './stages.ts';

const tileWidth = 200;

/** Where the photo was taken, as far as the phone knew. */
function positionText(photo: FieldPhoto): string {
  if (photo.latitude === null || photo.longitude === null) return '拍摄时未获取定位';
  const parts: string[] = [];
  if (photo.distanceM !== null) parts.push(`距项目地点 ${formatDistance(photo.distanceM)}`);
  if (photo.accuracy !== null) parts.push(`精度 ±${Math.round(photo.accuracy)} m`);
  return parts.length > 0 ? parts.join('，') : '已定位';
}

/**
 * One photo: the thumbnail (its preview is the watermarked copy), who took it and when (the
 * trusted time), how far from the site, and the server's flags with what they mean.
 */
export function FieldPhotoTile({ photo }: { photo: FieldPhoto }) {
  const isFlagged = photo.flags.length > 0;
  return (
    <div
      data-testid="field-photo"
      style={{
        width: tileWidth,
        border: `1px solid ${isFlagged ? '#ffa39e' : '#f0f0f0'}`,
        borderRadius: 6,
        overflow: 'hidden',
        background: '#fff',
      }}
    >
      <Image
        src={photoUrl(photo.id, 'thumbnail')}
        alt={photo.photoTypeLabel}
        width={tileWidth}
        height={150}
        style={{ objectFit: 'cover', display: 'block' }}
        preview={{ src: photoUrl(photo.id, 'watermarked') }}
      />
      <div style={{ padding: '6px 8px', fontSize: 12, lineHeight: 1.6 }}>
        <Typography.Text strong style={{ fontSize: 13 }}>
          {photo.photoTypeLabel}
        </Typography.Text>
        <div>拍摄人：{photo.takenByName}</div>
        <Tooltip title={`手机时间：${formatDateTime(photo.deviceTime)}`}>
          <div>拍摄时间：{formatDateTime(photo.capturedAt)}</div>
        </Tooltip>
        <div>
          <Typography.Text
            type={photo.flags.includes('far_from_site') ? 'danger' : 'secondary'}
            style={{ fontSize: 12 }}
          >
            {positionText(photo)}
          </Typography.Text>
        </div>
        {photo.remark && (
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, tooltip: photo.remark }}
            style={{ margin: 0 }}
          >
            备注：{photo.remark}
          </Typography.Paragraph>
        )}
        {isFlagged && (
          <Space size={[0, 4]} wrap style={{ marginTop: 4 }}>
            {photo.flags.map((flag) => (
              <Tooltip key={flag} title={flagExplanation(flag, photo)}>
                <Tag color="red" data-testid="photo-flag">
                  {fieldPhotoFlagLabels[flag]}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        )}
        <div style={{ marginTop: 4 }}>
          <Typography.Link href={photoUrl(photo.id, 'original')} target="_blank" rel="noopener noreferrer">
            查看原图
          </Typography.Link>
        </div>
      </div>
    </div>
  );
}
