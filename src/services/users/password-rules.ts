/** Applies the password policy to a password an administrator sets, naming the field in the error. */
import { checkPassword } from '../../domain/access/password-policy';
import { AppError } from '../errors';

export function assertStrongPassword(password: string, username: string, path: string, label: string): void {
  const problems = checkPassword(password, username);
  if (!problems.length) return;
  const zh = problems.map((p) => p.zh).join('；');
  throw new AppError(
    'WEAK_PASSWORD',
    400,
    { zh: `${label}不符合要求：${zh}`, en: `${path} ${problems.map((p) => p.en).join('; ')}` },
    [{ path, label, message: `${label}${zh}` }],
  );
}
