import Button from 'antd-mobile/es/components/button';
import Card from 'antd-mobile/es/components/card';
import DotLoading from 'antd-mobile/es/components/dot-loading';
import { EnvironmentOutline } from 'antd-mobile-icons';
import { formatDegrees, formatMetres, formatTime } from '../../app/format.ts';
import { type Fix, usePosition } from './use-position.ts';

function FixDetails({ fix }: { fix: Fix }) {
  return (
    <dl className="facts">
      <dt>纬度</dt>
      <dd data-testid="latitude">{formatDegrees(fix.latitude)}</dd>
      <dt>经度</dt>
      <dd data-testid="longitude">{formatDegrees(fix.longitude)}</dd>
      <dt>精度</dt>
      <dd data-testid="accuracy">{formatMetres(fix.accuracy)}</dd>
      <dt>定位时间</dt>
      <dd>{formatTime(fix.takenAt)}</dd>
    </dl>
  );
}

/** 当前定位: the phone's position now (WGS-84), or why there is none, with 重新定位. */
export function PositionCard() {
  const position = usePosition();
  const isLocating = position.status === 'locating';
  const fix = position.status === 'located' ? position.fix : position.last;

  return (
    <Card
      className="position-card"
      title={
        <span className="card-title">
          <EnvironmentOutline /> 当前定位
        </span>
      }
      extra={
        <Button
          size="small"
          color="primary"
          fill="outline"
          loading={isLocating}
          loadingText="定位中"
          onClick={position.relocate}
        >
          重新定位
        </Button>
      }
    >
      {position.status === 'failed' && (
        <div className="position-error" role="alert">
          {position.message}
        </div>
      )}
      {isLocating && !fix && (
        <div className="muted">
          正在获取当前位置
          <DotLoading />
        </div>
      )}
      {fix && position.status !== 'located' && <div className="muted">上次定位结果：</div>}
      {fix && <FixDetails fix={fix} />}
      <div className="footnote">坐标系 WGS-84（GPS 原始坐标）</div>
    </Card>
  );
}
