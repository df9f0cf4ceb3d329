/**
 * Password rules (等保2.0 level 3): at least 8 characters with 3 of the 4 classes
 * (upper, lower, digit, symbol), or a passphrase of 16 or more characters; never a
 * common password, never the user name. Shared by the change-password form and the server.
 */
export const passwordMinLength = 8;
export const passphraseMinLength = 16;

const commonPasswords = new Set(
  [
    '12345678',
    '123456789',
    '1234567890',
    'password',
    'password1',
    'password123',
    'passw0rd',
    'p@ssw0rd',
    'p@ssword1',
    'qwerty123',
    'qwertyuiop',
    '1qaz2wsx',
    '1qaz@wsx',
    'abc12345',
    'abcd1234',
    'admin123',
    'admin@123',
    'admin#123',
    'aa123456',
    'a1234567',
    'a12345678',
    'iloveyou',
    'woaini1314',
    '88888888',
    '11111111',
    '00000000',
    '66666666',
    'zxcvbnm123',
    'asdf1234',
    'qwer1234',
    'q1w2e3r4',
    'welcome1',
    'changeme',
    'changeme1',
    'letmein1',
    'root@123',
    'test1234',
    'p@55w0rd',
    'sichuan123',
    'abc@1234',
    'abc#1234',
    'admin1234',
    'password@1',
    'password#1',
    'p@ssw0rd1',
    'p@ssw0rd!',
    'qwe123!@#',
    '1q2w3e4r',
    'huanbao123',
    'huanjing123',
    'aA123456',
    'Aa123456',
    'Aa123456!',
    'Abc@1234',
    'Abcd@1234',
  ].map((p) => p.toLowerCase()),
);

export type PasswordProblem = 'too_short' | 'too_simple' | 'common' | 'contains_username';

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  too_short: `密码至少${passwordMinLength}位`,
  too_simple: `密码须包含大写字母、小写字母、数字、符号中的至少三类，或使用${passphraseMinLength}位以上的口令短语`,
  common: '该密码过于常见，请换一个',
  contains_username: '密码不能包含用户名',
};

/** Returns the first problem with a candidate password, or null when it is acceptable. */
export function checkPassword(password: string, username?: string): PasswordProblem | null {
  if (password.length < passwordMinLength) return 'too_short';
  if (commonPasswords.has(password.toLowerCase())) return 'common';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'contains_username';
  }
  if (password.length >= passphraseMinLength) return null;
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 3 ? null : 'too_simple';
}
