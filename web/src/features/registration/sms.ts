import type { DevSmsMessage, RequestSmsCodeBody, SmsCodeSent } from '@eco/contracts';
import { smsResendSeconds } from '@eco/contracts';
import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';

export function requestSmsCode(body: RequestSmsCodeBody): Promise<SmsCodeSent> {
  return api.post<SmsCodeSent>('/api/v1/sms/codes', body);
}

/** Outside production only: the messages the outbox gateway recorded for a number. */
export function fetchDevSmsOutbox(mobile: string): Promise<{ items: DevSmsMessage[] }> {
  return api.get<{ items: DevSmsMessage[] }>('/api/v1/dev/sms-outbox', { mobile });
}

/** Seconds left before another code may be requested; `start` begins the 60 s countdown. */
export function useCountdown(): { secondsLeft: number; start: (seconds?: number) => void } {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [deadline]);
  const secondsLeft = deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
  return {
    secondsLeft,
    start: (seconds = smsResendSeconds) => {
      setNow(Date.now());
      setDeadline(Date.now() + seconds * 1000);
    },
  };
}
