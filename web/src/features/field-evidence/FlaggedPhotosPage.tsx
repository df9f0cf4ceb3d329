import {
  type FieldPhotoFlag,
  type FlaggedPhoto,
  fieldPhotoFlagLabels,
  fieldPhotoFlags,
  fieldStageLabels,
} from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Image, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/time.ts';
import { photoUrl } from '../field-work/api.ts';
import { formatDistance, stageColors } from '../field-work/stages.ts';
import { type FlaggedPhotoSearch, fetchFlaggedPhotos, fieldEvidenceKeys } from './api.ts';

type FlagChoice = FieldPhotoFlag | 'all';

const flagOptions = [
  { value: 'all' as const, label: '全部' },
  ...fieldPhotoFlags.map((flag) => ({ value: flag, label: fieldPhotoFlagLabels[flag] })),
];

const columns: TableColumnsType<FlaggedPhoto> = [
  {
    title: '照片',
    dataIndex: 'photoId',
    width: 112,
    render: (id: string, p) => (
      <Image
        src={photoUrl(id, 'thumbnail')}
        alt={p.photoTypeLabel}
        width={96}
        height={72}
        style={{ objectFit: 'cover', borderRadius: 4 }}
        preview={{ src: photoUrl(id, 'watermarked') }}
      />
    ),
  },
  {
    title: '需核查原因',
    dataIndex: 'flags',
    width: 200,
    render: (flags: FieldPhotoFlag[]) => (
      <Space size={[0, 4]} wrap>
        {flags.map((flag) => (
          <Tag key={flag} color="red" data-testid="photo-flag">
            {fieldPhotoFlagLabels[flag]}
          </Tag>
        ))}
      </Space>
    ),
  },
  {
    title: '照片类型',
    dataIndex: 'photoTypeLabel',
    width: 150,
    render: (label: string, p) => (
      <Space orientation="vertical" size={0}>
        {label}
        <Tag color={stageColors[p.stage]} style={{ marginTop: 4 }}>
          {fieldStageLabels[p.stage]}
        </Tag>
      </Space>
    ),
  },
  {
    title: '项目',
    dataIndex: 'projectName',
    width: 260,
    render: (name: string, p) => (
      <Space orientation="vertical" size={0}>
        <Link to={`/projects/${p.projectId}`}>{name}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.projectNo}
        </Typography.Text>
      </Space>
    ),
  },
  { title: '监测机构', dataIndex: 'agencyName', width: 200, ellipsis: { showTitle: true } },
  { title: '拍摄人', dataIndex: 'takenByName', width: 90 },
  {
    title: '拍摄时间',
    dataIndex: 'capturedAt',
    width: 165,
    render: (at: string) => formatDateTime(at),
  },
  {
    title: '距项目地点',
    dataIndex: 'distanceM',
    width: 110,
    render: (m: number | null) => (m === null ? '未定位' : formatDistance(m)),
  },
  {
    title: '操作',
    key: 'actions',
    width: 110,
    fixed: 'right',
    render: (_v, p) => <Link to={`/projects/${p.projectId}`}>查看监测信息</Link>,
  },
];

/** 现场核查: field photos the server flagged (far from the site, clock or time mismatch), newest first. */
export function FlaggedPhotosPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const [search, setSearch] = useState<FlaggedPhotoSearch>(() => ({
    page: 1,
    pageSize: 10,
    flag: fieldPhotoFlags.find((f) => f === params.get('flag')),
  }));
  const result = useQuery({
    queryKey: fieldEvidenceKeys.flagged(search),
    queryFn: () => fetchFlaggedPhotos(search),
    placeholderData: keepPreviousData,
  });

  return (
    <Card title={`现场核查${me.region ? `（监管区域：${me.region.name}）` : ''}`}>
      <Typography.Paragraph type="secondary">
        现场照片上传时由系统自动比对拍摄位置与项目地点、照片时间与手机时间；以下照片存在异常，请点击项目查看其监测任务、各阶段照片与监测航迹。
      </Typography.Paragraph>
      <Segmented<FlagChoice>
        data-testid="flag-filter"
        value={search.flag ?? 'all'}
        options={flagOptions}
        onChange={(choice) =>
          setSearch((s) => ({ ...s, page: 1, flag: choice === 'all' ? undefined : choice }))
        }
        style={{ marginBottom: 16 }}
      />
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<FlaggedPhoto>
        rowKey="photoId"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        scroll={{ x: 1400 }}
        locale={{ emptyText: '暂无需核查的现场照片' }}
        pagination={{
          current: search.page,
          pageSize: search.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 张`,
          onChange: (page, pageSize) => setSearch((s) => ({ ...s, page, pageSize })),
        }}
      />
    </Card>
  );
}
