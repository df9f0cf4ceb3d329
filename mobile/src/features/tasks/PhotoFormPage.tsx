import './tasks.css';
import type { PhotoTypeRule } from '@eco/field-workflow';
import Button from 'antd-mobile/es/components/button';
import CheckList from 'antd-mobile/es/components/check-list';
import List from 'antd-mobile/es/components/list';
import Popup from 'antd-mobile/es/components/popup';
import TextArea from 'antd-mobile/es/components/text-area';
import Toast from 'antd-mobile/es/components/toast';
import { useEffect, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { formatDegrees, formatMetres, formatTime } from '../../app/format.ts';
import { Page } from '../../app/Page.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { useBack } from '../../app/use-back.ts';
import {
  type CapturedPosition,
  currentCapture,
  discardCapture,
  type PendingCapture,
  saveCapture,
} from './capture.ts';
import { stageLabels } from './task-view.ts';
import { useTask } from './use-task.ts';

function useCapturedPosition(capture: PendingCapture | null): CapturedPosition | null {
  const [result, setResult] = useState<CapturedPosition | null>(null);
  useEffect(() => {
    let isCurrent = true;
    capture?.position.then((value) => {
      if (isCurrent) setResult(value);
    });
    return () => {
      isCurrent = false;
    };
  }, [capture]);
  return result;
}

function PositionText({ position }: { position: CapturedPosition | null }) {
  if (!position) return <span className="muted">定位中…</span>;
  if (!position.position)
    return <span className="position-failed">{position.positionError ?? '未获取定位'}</span>;
  const { latitude, longitude, accuracy } = position.position;
  return (
    <span>
      {formatDegrees(latitude)}, {formatDegrees(longitude)} {formatMetres(accuracy)}
    </span>
  );
}

function PhotoTypePicker(props: {
  types: PhotoTypeRule[];
  visible: boolean;
  onClose: () => void;
  onConfirm: (type: PhotoTypeRule) => void;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const confirm = () => {
    const type = props.types.find((t) => t.code === chosen);
    if (!type) {
      Toast.show({ content: '请选择照片类型' });
      return;
    }
    props.onConfirm(type);
  };
  return (
    <Popup visible={props.visible} onMaskClick={props.onClose} bodyClassName="type-picker">
      <div className="type-picker-head">
        <Button fill="none" size="small" onClick={props.onClose}>
          取消
        </Button>
        <span>照片类型</span>
        <Button fill="none" size="small" color="primary" onClick={confirm}>
          确定
        </Button>
      </div>
      <CheckList value={chosen ? [chosen] : []} onChange={(values) => setChosen(String(values[0] ?? ''))}>
        {props.types.map((type) => (
          <CheckList.Item key={type.code} value={type.code} description={type.hint || undefined}>
            {type.label}（{stageLabels[type.stage]}
            {type.required ? '，必传' : ''}）
          </CheckList.Item>
        ))}
      </CheckList>
    </Popup>
  );
}

/** 填报: the photo just taken, 监测类型, 照片类型 (fixing the stage), 备注; 保存 or 取消. */
export function PhotoFormPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const task = useTask(id);
  const capture = currentCapture(id);
  const position = useCapturedPosition(capture);
  const [type, setType] = useState<PhotoTypeRule | null>(null);
  const [isPickerOpen, setIsPickerOpen] = useState(false);
  const [remark, setRemark] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const goBack = useBack(`/tasks/${id}`);

  if (!capture) return <Navigate to={`/tasks/${id}`} replace />;
  const view = task.status === 'ready' ? task.view : null;

  const cancel = () => {
    discardCapture();
    goBack();
  };

  const save = async () => {
    if (!view) return;
    if (!type) {
      Toast.show({ content: '请选择照片类型' });
      return;
    }
    setIsSaving(true);
    try {
      await saveCapture({
        capture,
        type,
        remark,
        subject: `${view.task.projectName} · ${view.task.pointName}`,
        userId: user.id,
      });
      Toast.show({ icon: 'success', content: '已保存' });
      goBack();
    } catch (error) {
      setIsSaving(false);
      Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : '保存失败，请重试' });
    }
  };

  return (
    <Page title="任务填报" onBack={cancel}>
      <div className="photo-preview">
        <img src={capture.previewUrl} alt="刚拍摄的照片" />
      </div>
      <List mode="card">
        <List.Item extra={view?.task.monitoringTypeLabel ?? '…'}>监测类型</List.Item>
        <List.Item
          extra={type ? type.label : '请选择'}
          onClick={() => setIsPickerOpen(true)}
          description={type?.hint || undefined}
        >
          照片类型
        </List.Item>
        <List.Item extra={type ? stageLabels[type.stage] : '随照片类型确定'}>监测阶段</List.Item>
        <List.Item extra={formatTime(new Date(capture.clock.deviceTime))}>拍摄时间</List.Item>
        <List.Item extra={<PositionText position={position} />}>拍摄位置</List.Item>
      </List>
      <List mode="card" header="备注">
        <List.Item>
          <TextArea
            placeholder="请输入备注（选填）"
            value={remark}
            onChange={setRemark}
            maxLength={200}
            showCount
            rows={3}
          />
        </List.Item>
      </List>
      <div className="form-buttons">
        <Button block fill="outline" size="large" onClick={cancel} disabled={isSaving}>
          取消
        </Button>
        <Button
          block
          color="primary"
          size="large"
          loading={isSaving}
          disabled={!view}
          onClick={() => void save()}
        >
          保存
        </Button>
      </div>
      <PhotoTypePicker
        types={view?.allowedPhotoTypes ?? []}
        visible={isPickerOpen}
        onClose={() => setIsPickerOpen(false)}
        onConfirm={(chosen) => {
          setType(chosen);
          setIsPickerOpen(false);
        }}
      />
    </Page>
  );
}
