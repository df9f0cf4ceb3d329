import { useCallback, useEffect, useRef, useState } from 'react';

/** A device position in WGS-84, as the browser's geolocation gives it. */
export type Fix = { latitude: number; longitude: number; accuracy: number; takenAt: Date };

export type PositionState =
  | { status: 'locating'; last: Fix | null }
  | { status: 'located'; fix: Fix }
  | { status: 'failed'; message: string; last: Fix | null };

/** Why the phone gave no position, in words the person can act on. */
export function explainPositionError(error: GeolocationPositionError): string {
  switch (error.code) {
    case error.PERMISSION_DENIED:
      return window.isSecureContext
        ? '定位权限已被拒绝，请在手机设置中允许本应用使用位置信息后重新定位'
        : '定位需要通过 HTTPS 访问本应用，请联系管理员';
    case error.POSITION_UNAVAILABLE:
      return '暂时无法获取位置，请打开 GPS 或到开阔处后重新定位';
    case error.TIMEOUT:
      return '定位超时，请到信号较好处重新定位';
    default:
      return '定位失败，请重新定位';
  }
}

function lastFix(state: PositionState): Fix | null {
  return state.status === 'located' ? state.fix : state.last;
}

/** The phone's current position, asked for on mount and again on each `relocate`. */
export function usePosition(): PositionState & { relocate: () => void } {
  const [state, setState] = useState<PositionState>({ status: 'locating', last: null });
  const latest = useRef(0);

  const relocate = useCallback(() => {
    const request = ++latest.current;
    if (!('geolocation' in navigator)) {
      setState({ status: 'failed', message: '当前设备或浏览器不支持定位', last: null });
      return;
    }
    setState((previous) => ({ status: 'locating', last: lastFix(previous) }));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (request !== latest.current) return;
        const { latitude, longitude, accuracy } = position.coords;
        setState({
          status: 'located',
          fix: { latitude, longitude, accuracy, takenAt: new Date(position.timestamp) },
        });
      },
      (error) => {
        if (request !== latest.current) return;
        setState((previous) => ({
          status: 'failed',
          message: explainPositionError(error),
          last: lastFix(previous),
        }));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  }, []);

  useEffect(() => {
    relocate();
    return () => {
      latest.current++;
    };
  }, [relocate]);

  return { ...state, relocate };
}
