import type { Captcha } from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Spin, Typography } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { fetchCaptcha, publicKeys } from './api.ts';

export type CaptchaState = {
  captcha: Captcha | null;
  isLoading: boolean;
  error: unknown;
  refresh: () => void;
};

/**
 * A captcha for one form (`scope`), loaded only once the server has asked for one. Each is good for
 * one try, so the form calls `refresh` after every attempt; it also renews itself when it expires.
 */
export function useCaptcha(scope: string, isRequired: boolean): CaptchaState {
  const query = useQuery({
    queryKey: publicKeys.captcha(scope),
    queryFn: fetchCaptcha,
    enabled: isRequired,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchInterval: (q) => {
      const expiresAt = q.state.data ? Date.parse(q.state.data.expiresAt) : Number.NaN;
      return Number.isNaN(expiresAt) ? false : Math.max(5_000, expiresAt - Date.now());
    },
  });
  return {
    captcha: isRequired ? (query.data ?? null) : null,
    isLoading: query.isFetching,
    error: query.error,
    refresh: () => void query.refetch(),
  };
}

/** The server's SVG as an image: shown, never parsed into the page. */
function captchaImageSrc(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** The 图形验证码 row (form field `captchaAnswer`): the picture, the answer, and 换一张. */
export function CaptchaField({ state }: { state: CaptchaState }) {
  const { captcha, isLoading, error, refresh } = state;
  return (
    <Form.Item label="图形验证码" required extra="查询过于频繁，请输入图中的字符">
      <Flex gap={8} align="center" wrap>
        <Form.Item
          name="captchaAnswer"
          noStyle
          rules={[{ required: true, whitespace: true, message: '请输入图形验证码' }]}
        >
          <Input maxLength={10} placeholder="图中字符" style={{ width: 140 }} autoComplete="off" />
        </Form.Item>
        <button
          type="button"
          onClick={refresh}
          title="看不清？换一张"
          style={{
            width: 152,
            height: 52,
            padding: 0,
            border: '1px solid #d9d9d9',
            borderRadius: 6,
            background: '#fff',
            cursor: 'pointer',
            display: 'grid',
            placeItems: 'center',
          }}
        >
          {captcha && !isLoading ? (
            <img
              src={captchaImageSrc(captcha.svg)}
              alt="图形验证码"
              width={150}
              height={50}
              draggable={false}
              data-testid="public-captcha-image"
            />
          ) : (
            <Spin size="small" />
          )}
        </button>
        <Button type="link" size="small" onClick={refresh} style={{ paddingInline: 0 }}>
          换一张
        </Button>
      </Flex>
      {error !== null && (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }}>
          {errorMessage(error)}
        </Typography.Text>
      )}
    </Form.Item>
  );
}
