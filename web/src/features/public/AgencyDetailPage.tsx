import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Grid,
  List,
  Result,
  Skeleton,
} from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api.ts';
import { formatDate } from '../../app/time.ts';
import { fetchPublicAgency, publicKeys } from './api.ts';
import { CmaValidity } from './CmaValidity.tsx';
import { IndustryTags } from './IndustryTags.tsx';

function text(value: string | null): string {
  return value?.trim() ? value : '—';
}

/** 查看: an agency's public profile, with its published violations. */
export function AgencyDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const agency = useQuery({ queryKey: publicKeys.agency(id), queryFn: () => fetchPublicAgency(id) });
  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      // Back to the list as it was searched; opened from a link elsewhere, to the list itself.
      onClick={() => (location.key === 'default' ? navigate('/public/agencies') : navigate(-1))}
    >
      返回
    </Button>
  );

  if (agency.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (agency.isError) {
    const isNotFound = agency.error instanceof ApiError && agency.error.status === 404;
    return (
      <Card>
        {isNotFound ? (
          <Result status="404" title="未找到该监测机构" subTitle="机构不存在或尚未公开" extra={back} />
        ) : (
          <Alert type="error" showIcon title={errorMessage(agency.error)} action={back} />
        )}
      </Card>
    );
  }

  const data = agency.data;
  const column = screens.md ? 2 : 1;
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '机构名称', span: 'filled', children: <strong>{data.name}</strong> },
    { key: 'creditCode', label: '统一社会信用代码', children: data.creditCode },
    { key: 'region', label: '所在地区', children: data.regionName || data.regionCode },
    { key: 'address', label: '地址', span: 'filled', children: text(data.address) },
    {
      key: 'industry',
      label: '行业类别',
      span: 'filled',
      children: <IndustryTags categories={data.industryCategories} />,
    },
    { key: 'cma', label: 'CMA 证书编号', children: text(data.cmaNumber) },
    {
      key: 'validity',
      label: '有效期',
      children: <CmaValidity validFrom={data.cmaValidFrom} validTo={data.cmaValidTo} />,
    },
    { key: 'staff', label: '审核通过的监测人员数', children: `${data.approvedStaffCount} 人` },
    { key: 'projects', label: '已完成项目数', children: `${data.completedProjectCount} 个` },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title="监测机构信息" extra={screens.sm ? back : null}>
        <Descriptions
          bordered
          size="small"
          column={column}
          items={items}
          styles={{ label: { whiteSpace: 'nowrap' } }}
        />
      </Card>
      <Card title="违规记录" data-testid="public-agency-violations">
        <List
          dataSource={data.violations}
          locale={{ emptyText: '暂无公开的违规记录' }}
          renderItem={(violation) => (
            <List.Item>
              <List.Item.Meta
                title={`${formatDate(violation.issuedOn)}　${violation.problem}`}
                description={`处理结果：${violation.outcome}`}
              />
            </List.Item>
          )}
        />
      </Card>
      {!screens.sm && back}
    </Flex>
  );
}
