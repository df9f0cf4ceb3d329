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
