import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { agencyKeys, searchAgencies } from '../agencies/api.ts';
import { auditKeys, verifyAudit } from '../audit/api.ts';

/** Counts a regulator or administrator looks at first. */
export function SupervisionOverview() {
  const all = useQuery({
    queryKey: agencyKeys.search({ page: 1, pageSize: 1 }),
    queryFn: () => searchAgencies({ page: 1, pageSize: 1 }),
  });
  const submitted = useQuery({
    queryKey: agencyKeys.search({ page: 1, pageSize: 1, status: 'submitted' }),
    queryFn: () => searchAgencies({ page: 1, pageSize: 1, status: 'submitted' }),
  });
  const chain = useQuery({ queryKey: auditKeys.verify, queryFn: verifyAudit });
  const chainText = chain.data ? (chain.data.ok ? '校验通过' : '发现异常') : '—';

  return (
    <Card title="监管概况">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Statistic title="辖区监测机构（家）" value={all.data?.total ?? '—'} loading={all.isPending} />
        </Col>
        <Col xs={24} md={8}>
          <Statistic
            title="待审核机构（家）"
            value={submitted.data?.total ?? '—'}
            loading={submitted.isPending}
          />
        </Col>
        <Col xs={24} md={8}>
          <Statistic
            title={`审计链（共 ${chain.data?.count ?? '—'} 条）`}
            value={chainText}
            loading={chain.isPending}
            styles={{ content: { color: chain.data && !chain.data.ok ? '#cf1322' : '#1f7a4d' } }}
          />
        </Col>
      </Row>
    </Card>
  );
}
