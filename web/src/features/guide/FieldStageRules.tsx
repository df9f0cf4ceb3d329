import {
  assignmentPostLabels,
  type FieldStage,
  fieldStageLabels,
  fieldStages,
  fieldTaskWorkflow,
  stagePosts,
} from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { dictKeys, fetchEnabledDictItems } from '../dicts/api.ts';
import { readPhotoExtra } from '../dicts/extra.ts';

type StageRow = {
  stage: FieldStage;
  index: number;
  required: string[];
  optional: string[];
};

const columns: TableColumnsType<StageRow> = [
  {
    title: '阶段',
    dataIndex: 'stage',
    width: 130,
    render: (stage: FieldStage, row) => `${row.index + 1}. ${fieldStageLabels[stage]}`,
  },
  {
    title: '拍照填报人员',
    dataIndex: 'stage',
    key: 'post',
    width: 140,
    render: (stage: FieldStage) => assignmentPostLabels[stagePosts[stage]],
  },
  {
    title: '必拍照片',
    dataIndex: 'required',
    render: (labels: string[]) =>
      labels.length === 0
        ? '—'
        : labels.map((l) => (
            <Tag color="red" key={l}>
              {l}
            </Tag>
          )),
  },
  {
    title: '可选照片',
    dataIndex: 'optional',
    render: (labels: string[]) => (labels.length === 0 ? '—' : labels.map((l) => <Tag key={l}>{l}</Tag>)),
  },
];

/** Each stage's post and photo types: posts from stagePosts, photo types from the 照片类型 dictionary. */
export function FieldStageRules() {
  const photoTypes = useQuery({
    queryKey: dictKeys.enabled('photo_type'),
    queryFn: () => fetchEnabledDictItems('photo_type'),
    staleTime: 5 * 60_000,
  });
  const rows: StageRow[] = fieldStages.map((stage, index) => {
    const ofStage = (photoTypes.data ?? []).flatMap((item) => {
      const extra = readPhotoExtra(item.extra);
      return extra?.stage === stage ? [{ label: item.label, required: extra.required }] : [];
    });
    return {
      stage,
      index,
      required: ofStage.filter((t) => t.required).map((t) => t.label),
      optional: ofStage.filter((t) => !t.required).map((t) => t.label),
    };
  });
  return (
    <div data-testid="guide-stage-rules">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        各阶段拍照要求
      </Typography.Title>
      {photoTypes.isError && (
        <Alert
          type="warning"
          showIcon
          title={`照片类型加载失败：${errorMessage(photoTypes.error)}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<StageRow>
        rowKey="stage"
        size="small"
        pagination={false}
        loading={photoTypes.isPending}
        columns={columns}
        dataSource={rows}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        照片类型及是否必拍由系统管理员在「数据字典 · 照片类型」中维护；
        {fieldTaskWorkflow.end.label}任务前，各阶段的必拍照片须全部上传。
      </Typography.Paragraph>
    </div>
  );
}
