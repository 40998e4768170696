import { attachmentName } from '../auth/download-file';
import type { TFunction } from 'i18next';
import { z } from 'zod';

// The API's own limits (SignUpInput, ResetPasswordInput, ChangePasswordInput), checked here first
// so most mistakes show without a round trip; the API's answer is still mapped onto the fields.
export const PASSWORD_MIN = 10;

export function emailField(t: TFunction) {
  return z.string().trim().min(1, t('form.required')).email(t('form.email'));
}

export function newPasswordField(t: TFunction) {
  return z.string().min(PASSWORD_MIN, t('form.passwordLength', { min: PASSWORD_MIN }));
}

// A new password typed twice: the second must match, and says so on its own field.
export function resetPasswordSchema(t: TFunction) {
  return z
    .object({ newPassword: newPasswordField(t), repeat: z.string() })
    .refine((v) => v.newPassword === v.repeat, {
      path: ['repeat'],
      message: t('resetPassword.mismatch'),
    });
}

export function changePasswordSchema(t: TFunction) {
  return z.object({
    currentPassword: z.string().min(1, t('form.required')),
    newPassword: newPasswordField(t),
  });
}

export function changeEmailSchema(t: TFunction) {
  return z.object({ newEmail: emailField(t), password: z.string().min(1, t('form.required')) });
}

// Which refusal of an e-mailed link this is, for the page to explain it in its own words.
export type LinkProblem = 'expired' | 'used' | 'invalid' | 'other';

export function linkProblemOf(error: {
  graphQLErrors: ReadonlyArray<{ extensions?: Record<string, unknown> }>;
}): LinkProblem {
  const e = error.graphQLErrors[0]?.extensions;
  if (e?.reason === 'EXPIRED') return 'expired';
  if (e?.reason === 'ALREADY_DONE') return 'used';
  if (e?.code === 'BAD_USER_INPUT') return 'invalid';
  return 'other';
}

// Whether a refusal means the person must verify their e-mail address first (applying, a team's
// application, accepting a scout offer): show <VerifyEmailFirst /> then.
export function isEmailNotVerified(
  error:
    | {
        graphQLErrors: ReadonlyArray<{ extensions?: Record<string, unknown> }>;
      }
    | undefined,
): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.reason === 'EMAIL_NOT_VERIFIED');
}

// The file name the API gives the download, else a sensible one.
export function downloadName(contentDisposition: string | null, today: string): string {
  return attachmentName(contentDisposition) ?? `tsunagu-my-data-${today}.json`;
}
