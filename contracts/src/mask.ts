/** 5***************1X: first and last two characters of an ID number kept. */
export function maskIdNumber(value: string): string {
  if (value.length < 4) return '*'.repeat(value.length);
  return `${value.slice(0, 1)}${'*'.repeat(value.length - 3)}${value.slice(-2)}`;
}

/** 180****1999: the middle four digits of a mobile number hidden. */
export function maskMobile(value: string): string {
  if (value.length !== 11) return value.replace(/\d(?=\d{2})/g, '*');
  return `${value.slice(0, 3)}****${value.slice(7)}`;
}
