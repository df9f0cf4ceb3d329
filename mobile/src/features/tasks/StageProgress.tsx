import { CheckCircleFill } from 'antd-mobile-icons';
import { stageLabels, stageOrder, type TaskView } from './task-view.ts';

/** 采样 → 送样 → 实验室分析: each stage's required 照片类型, ticked when taken. */
export function StageProgress({ view }: { view: TaskView }) {
  const taken = new Set(view.photos.map((photo) => photo.photoType));
  return (
    <ol className="stage-progress" aria-label="阶段进度">
      {stageOrder.map((stage) => {
        const types = view.task.photoTypes.filter((type) => type.stage === stage);
        const required = types.filter((type) => type.required);
        const hasPhoto = view.photos.some((photo) => photo.stage === stage);
        const isDone = required.length > 0 ? required.every((type) => taken.has(type.code)) : hasPhoto;
        return (
          <li key={stage} className={isDone ? 'stage done' : 'stage'}>
            <div className="stage-name">
              {isDone && <CheckCircleFill aria-hidden="true" />}
              {stageLabels[stage]}
              {isDone && <span className="visually-hidden">（已完成）</span>}
            </div>
            <ul className="stage-types">
              {required.map((type) => (
                <li key={type.code} className={taken.has(type.code) ? 'taken' : undefined}>
                  {taken.has(type.code) ? '✓' : '○'} {type.label}
                </li>
              ))}
              {required.length === 0 && <li className="muted">无必传照片</li>}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
