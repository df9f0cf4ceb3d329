import { clientInputSchema, projectFieldLabels as labels, projectInputSchema } from '@eco/contracts';
import { Alert, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import { fieldRule } from '../field-rule.ts';
import type { Option } from '../lookups.ts';

const shape = projectInputSchema.shape;
const client = clientInputSchema.shape;

type Props = { categories: Option[]; isLoading: boolean };

/** 委托信息: who commissioned the work, and the subcontractor when there is one. */
export function EntrustSection({ categories, isLoading }: Props) {
  const isSubcontracted = Form.useWatch<boolean | undefined>('isSubcontracted');
  return (
    <Card title="委托信息">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="entrustCategory"
            label={labels.entrustCategory}
            required
            rules={[fieldRule(shape.entrustCategory)]}
          >
            <Select placeholder="请选择委托类别" loading={isLoading} options={categories} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name={['client', 'name']}
            label={labels['client.name']}
            required
            rules={[fieldRule(client.name)]}
          >
            <Input maxLength={100} placeholder="请输入委托企业名称" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['client', 'creditCode']}
            label={labels['client.creditCode']}
            required
            rules={[fieldRule(client.creditCode)]}
          >
            <Input maxLength={18} placeholder="18位统一社会信用代码" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['client', 'contact']}
            label={labels['client.contact']}
            required
            rules={[fieldRule(client.contact)]}
          >
            <Input maxLength={50} placeholder="请输入联系人" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['client', 'phone']}
            label={labels['client.phone']}
            required
            rules={[fieldRule(client.phone)]}
          >
            <Input maxLength={20} placeholder="手机号或固定电话，如 028-12345678" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['client', 'email']}
            label={labels['client.email']}
            required
            rules={[fieldRule(client.email)]}
          >
            <Input maxLength={254} placeholder="name@example.com" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name={['client', 'address']}
            label={labels['client.address']}
            required
            rules={[fieldRule(client.address)]}
          >
            <Input maxLength={200} placeholder="请输入企业地址" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="isSubcontracted"
            label={labels.isSubcontracted}
            required
            rules={[fieldRule(shape.isSubcontracted)]}
          >
            <Radio.Group
              options={[
                { value: true, label: '是' },
                { value: false, label: '否' },
              ]}
            />
          </Form.Item>
        </Col>
        {isSubcontracted && (
          <Col xs={24} md={16}>
            <Form.Item
              name="subcontractorName"
              label={labels.subcontractorName}
              required
              rules={[{ required: true, whitespace: true, message: '选择分包时请填写分包单位名称' }]}
            >
              <Input maxLength={100} placeholder="请输入分包单位名称" />
            </Form.Item>
          </Col>
        )}
        {isSubcontracted && (
          <Col span={24}>
            <Alert type="warning" showIcon title="选择分包时，请在下方「附件资料」中上传分包单位资质。" />
          </Col>
        )}
      </Row>
    </Card>
  );
}
