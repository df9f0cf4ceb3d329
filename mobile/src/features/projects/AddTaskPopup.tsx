import type { FieldProjectDetail } from '@eco/contracts';
import Button from 'antd-mobile/es/components/button';
import Form from 'antd-mobile/es/components/form';
import Popup from 'antd-mobile/es/components/popup';
import Selector from 'antd-mobile/es/components/selector';
import TextArea from 'antd-mobile/es/components/text-area';
import Toast from 'antd-mobile/es/components/toast';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/session.tsx';
import { createTaskOnPhone } from '../tasks/create-task.ts';

type Values = { itemId?: string[]; remark?: string };

/** 添加监测任务: 监测类型 (the project's), 监测点位 (its 监测信息), 备注; saved on the phone, then synced. */
export function AddTaskPopup(props: { project: FieldProjectDetail; visible: boolean; onClose: () => void }) {
  const { project } = props;
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [isSaving, setIsSaving] = useState(false);

  const save = async (values: Values) => {
    const item = project.items.find((candidate) => candidate.id === values.itemId?.[0]);
    if (!item) return;
    setIsSaving(true);
    try {
      const id = await createTaskOnPhone({ project, item, remark: values.remark ?? '', userId: user.id });
      props.onClose();
      navigate(`/tasks/${id}`);
    } catch {
      Toast.show({ icon: 'fail', content: '无法保存到手机，请重试' });
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Popup visible={props.visible} onMaskClick={props.onClose} bodyClassName="add-task-popup" destroyOnClose>
      <h2 className="popup-title">添加监测任务</h2>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        footer={
          <div className="form-buttons">
            <Button block fill="outline" size="large" onClick={props.onClose}>
              取消
            </Button>
            <Button block type="submit" color="primary" size="large" loading={isSaving}>
              保存
            </Button>
          </div>
        }
      >
        <Form.Item label="监测类型">
          <span>{project.monitoringTypeLabel}</span>
        </Form.Item>
        <Form.Item name="itemId" label="监测点位" rules={[{ required: true, message: '请选择监测点位' }]}>
          <Selector
            columns={1}
            options={project.items.map((item) => ({
              label: item.pointName,
              value: item.id,
              description: [item.medium, item.factors].filter(Boolean).join(' · '),
            }))}
          />
        </Form.Item>
        <Form.Item name="remark" label="备注">
          <TextArea placeholder="请输入备注（选填）" maxLength={200} showCount rows={2} />
        </Form.Item>
      </Form>
    </Popup>
  );
}
