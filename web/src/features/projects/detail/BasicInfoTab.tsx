import type { Attachment, ProjectDetail } from '@eco/contracts';
import { Card, Descriptions, Space, Table } from 'antd';
import { formatDate, formatDateTime, formatFileSize } from '../../../app/time.ts';
import { attachmentDownloadUrl } from '../../attachments/api.ts';
import { useDictLabels } from '../../dicts/api.ts';
import { regionLabel, useRegionNames } from '../lookups.ts';

const amountFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const orDash = (value: string | null | undefined) => (value?.trim() ? value : '—');

/** 基本信息: everything registered, read-only, in the manual's six groups. */
export function BasicInfoTab({ project: p }: { project: ProjectDetail }) {
  const typeLabels = useDictLabels('monitoring_type');
  const natureLabels = useDictLabels('monitoring_nature');
  const entrustLabels = useDictLabels('entrust_category');
  const regionNames = useRegionNames();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="项目信息">
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="项目名称">{p.name}</Descriptions.Item>
          <Descriptions.Item label="项目编号">{p.projectNo}</Descriptions.Item>
          <Descriptions.Item label="监测类型">
            {typeLabels[p.monitoringType] ?? p.monitoringType}
          </Descriptions.Item>
          <Descriptions.Item label="项目监测性质">
            {natureLabels[p.monitoringNature] ?? p.monitoringNature}
          </Descriptions.Item>
          <Descriptions.Item label="项目区域">{regionLabel(p.regionCode, regionNames)}</Descriptions.Item>
          <Descriptions.Item label="项目地址">{p.address}</Descriptions.Item>
          <Descriptions.Item label="经度">{p.longitude}</Descriptions.Item>
          <Descriptions.Item label="纬度">{p.latitude}</Descriptions.Item>
          <Descriptions.Item label="计划开始日期">{formatDate(p.plannedStart)}</Descriptions.Item>
          <Descriptions.Item label="计划结束日期">{formatDate(p.plannedEnd)}</Descriptions.Item>
          <Descriptions.Item label="登记人">{p.createdByName}</Descriptions.Item>
          <Descriptions.Item label="登记时间">{formatDateTime(p.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="项目描述" span={2}>
            {orDash(p.description)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="监测机构信息">
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="机构名称">{p.agency.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{p.agency.creditCode}</Descriptions.Item>
          <Descriptions.Item label="所在地区">
            {regionLabel(p.agency.regionCode, regionNames)}
          </Descriptions.Item>
          <Descriptions.Item label="联系人">{orDash(p.agency.contactPerson)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{orDash(p.agency.contactPhone)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="委托企业信息">
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="委托类别">
            {entrustLabels[p.entrustCategory] ?? p.entrustCategory}
          </Descriptions.Item>
          <Descriptions.Item label="委托企业名称">{p.client.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{p.client.creditCode}</Descriptions.Item>
          <Descriptions.Item label="联系人">{p.client.contact}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{p.client.phone}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{p.client.email}</Descriptions.Item>
          <Descriptions.Item label="企业地址" span={2}>
            {p.client.address}
          </Descriptions.Item>
          <Descriptions.Item label="是否分包">{p.isSubcontracted ? '是' : '否'}</Descriptions.Item>
          {p.isSubcontracted && (
            <Descriptions.Item label="分包单位名称">{orDash(p.subcontractorName)}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title="合同信息">
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="合同编号">{p.contractNumber}</Descriptions.Item>
          <Descriptions.Item label="合同金额（元）">
            {amountFormat.format(p.contractAmount)}
          </Descriptions.Item>
          <Descriptions.Item label="合同签订日期">{formatDate(p.contractSignedOn)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="培训信息">
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="培训日期">{formatDate(p.trainingDate)}</Descriptions.Item>
          <Descriptions.Item label="培训人员">{p.trainingParticipants}</Descriptions.Item>
          <Descriptions.Item label="培训内容" span={2}>
            {p.trainingContent}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="附件资料">
        <Table<Attachment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.attachments}
          locale={{ emptyText: '未上传附件' }}
          columns={[
            { title: '附件类型', dataIndex: 'categoryLabel', width: 180 },
            { title: '文件名', dataIndex: 'fileName' },
            { title: '大小', dataIndex: 'size', width: 100, render: (s: number) => formatFileSize(s) },
            {
              title: '上传时间',
              dataIndex: 'uploadedAt',
              width: 170,
              render: (at: string) => formatDateTime(at),
            },
            {
              title: '操作',
              key: 'download',
              width: 80,
              render: (_v, f) => (
                <a href={attachmentDownloadUrl(f.id)} download>
                  下载
                </a>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
