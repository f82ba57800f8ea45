/** Password rules (等保 2.0 identity authentication): at least 8 characters from at least 3 of 4 classes. */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordProblem = {
  code: 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_SIMPLE' | 'PASSWORD_CONTAINS_USERNAME';
  zh: string;
  en: string;
};

export function checkPassword(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({
      code: 'PASSWORD_TOO_SHORT',
      zh: `密码至少 ${PASSWORD_MIN_LENGTH} 位，当前 ${password.length} 位`,
      en: `must be at least ${PASSWORD_MIN_LENGTH} characters (got ${password.length})`,
    });
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < PASSWORD_MIN_CLASSES) {
    problems.push({
      code: 'PASSWORD_TOO_SIMPLE',
      zh: `密码须包含小写字母、大写字母、数字、符号中至少 ${PASSWORD_MIN_CLASSES} 类，当前 ${classes} 类`,
      en: `must mix at least ${PASSWORD_MIN_CLASSES} of lower case, upper case, digits and symbols (got ${classes})`,
    });
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({
      code: 'PASSWORD_CONTAINS_USERNAME',
      zh: '密码不得包含用户名',
      en: 'must not contain the username',
    });
  }
  return problems;
}

/** Lockout: 5 consecutive failed logins lock the account for 15 minutes. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
