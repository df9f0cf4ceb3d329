const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** A clock time in Asia/Shanghai, e.g. 09:05:33. */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

/** A WGS-84 degree value to six decimals (about 0.1 m), as field records keep it. */
export function formatDegrees(value: number): string {
  return value.toFixed(6);
}

export function formatMetres(value: number): string {
  return `±${Math.round(value)} 米`;
}

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A date and time in Asia/Shanghai, e.g. 2026/03/05 09:05. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** An ISO date (or date-time) as its date part, e.g. 2026-03-05. */
export function formatDate(value: string): string {
  return value.slice(0, 10);
}
