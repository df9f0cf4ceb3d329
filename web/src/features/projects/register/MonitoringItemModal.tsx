import {
  type AssignableStaff,
  type AssignmentPost,
  assignmentPostLabels,
  type MonitoringItemInput,
  monitoringItemInputSchema,
} from '@eco/contracts';
import { AutoComplete, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { fieldRule } from '../field-rule.ts';

const shape = monitoringItemInputSchema.shape;

/** Common media, offered as suggestions; any other text is accepted. */
const mediumSuggestions = [
  '固体废物',
  '废水',
  '地表水',
  '地下水',
  '废气',
  '环境空气',
  '土壤',
  '底泥',
  '噪声',
];

const staffFields: Array<{ name: 'samplerIds' | 'courierIds' | 'analystIds'; post: AssignmentPost }> = [
  { name: 'samplerIds', post: 'sampler' },
  { name: 'courierIds', post: 'courier' },
  { name: 'analystIds', post: 'analyst' },
];

type Props = {
  /** The row to edit; null to add one. */
  editing: MonitoringItemInput | null;
  staff: AssignableStaff[];
  isStaffLoading: boolean;
  onSave: (item: MonitoringItemInput) => void;
  onClose: () => void;
};

/** 添加监测信息: one point or sample and the staff who sample, deliver and analyse it. */
export function MonitoringItemModal({ editing, staff, isStaffLoading, onSave, onClose }: Props) {
  const [form] = Form.useForm<MonitoringItemInput>();

  const handleOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const parsed = monitoringItemInputSchema.safeParse(values);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => ({
          name: String(i.path[0]) as keyof MonitoringItemInput,
          errors: [i.message],
        })),
      );
      return;
    }
    onSave(parsed.data);
  };

  const optionsFor = (post: AssignmentPost) =>
    staff.filter((s) => s.posts.includes(post)).map((s) => ({ value: s.id, label: s.name }));

  return (
    <Modal
      open
      width={760}
      title={editing ? '编辑监测信息' : '添加监测信息'}
      okText="确定"
      cancelText="取消"
      onOk={handleOk}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<MonitoringItemInput>
        form={form}
        layout="vertical"
        initialValues={editing ?? { samplerIds: [], courierIds: [], analystIds: [] }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="pointName" label="点位/样品名称" required rules={[fieldRule(shape.pointName)]}>
              <Input maxLength={100} placeholder="请输入点位或样品名称" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="medium" label="监测介质" required rules={[fieldRule(shape.medium)]}>
              <AutoComplete
                options={mediumSuggestions.map((value) => ({ value }))}
                placeholder="请选择或输入监测介质"
                filterOption={(input, option) => String(option?.value ?? '').includes(input)}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="factors" label="监测项目（因子）" required rules={[fieldRule(shape.factors)]}>
              <Input.TextArea
                rows={2}
                maxLength={500}
                placeholder="如：腐蚀性（pH）、浸出毒性（铅、镉、砷）"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="frequency" label="监测频次" required rules={[fieldRule(shape.frequency)]}>
              <Input maxLength={50} placeholder="如：1次/天，连续2天" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sampleCount" label="样品数量" required rules={[fieldRule(shape.sampleCount)]}>
              <InputNumber
                style={{ width: '100%' }}
                min={1}
                max={10000}
                precision={0}
                placeholder="样品数量"
              />
            </Form.Item>
          </Col>
          {staffFields.map(({ name, post }) => {
            const options = optionsFor(post);
            const label = assignmentPostLabels[post];
            return (
              <Col span={24} key={name}>
                <Form.Item
                  name={name}
                  label={label}
                  required
                  rules={[fieldRule(shape[name])]}
                  extra={
                    !isStaffLoading && options.length === 0
                      ? `本机构暂无审核通过的${label}，请先在监测人员中添加`
                      : undefined
                  }
                >
                  <Select
                    mode="multiple"
                    optionFilterProp="label"
                    loading={isStaffLoading}
                    placeholder={`请选择${label}（可多选）`}
                    options={options}
                  />
                </Form.Item>
              </Col>
            );
          })}
        </Row>
      </Form>
    </Modal>
  );
}
