import { AccountMailKind } from './account-mail.entity';
import type { Locale } from './user.entity';

// What an account e-mail says, in the person's language. Pure: a retry renders the same words.
export interface AccountMailContent {
  title: string;
  body: string;
  // The button's words, when the mail carries a link.
  actionLabel?: string;
}

export interface AccountMailFacts {
  displayName: string;
  // For EMAIL_CHANGED: the new address, masked.
  newAddress?: string;
}

// "hanako@example.jp" → "ha***@example.jp": enough for the owner to recognise, not to harvest.
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address.slice(0, Math.min(2, at))}***${address.slice(at)}`;
}

const WORDING: Record<
  Locale,
  Record<AccountMailKind, (f: AccountMailFacts) => AccountMailContent>
> = {
  ja: {
    [AccountMailKind.VERIFY_EMAIL]: (f) => ({
      title: 'メールアドレスの確認をお願いします',
      body: `${f.displayName} さん、Tsunagu へのご登録ありがとうございます。\n\n下のボタンからメールアドレスを確認すると、プロジェクトに応募できるようになります。リンクの有効期限は48時間です。\n\nお心当たりのない場合は、このメールを破棄してください。`,
      actionLabel: 'メールアドレスを確認する',
    }),
    [AccountMailKind.RESET_PASSWORD]: (f) => ({
      title: 'パスワードの再設定',
      body: `${f.displayName} さん、パスワード再設定のお申し込みを受け付けました。\n\n下のボタンから新しいパスワードを設定してください。リンクの有効期限は1時間で、一度だけ使えます。\n\nお心当たりのない場合は、このメールを破棄してください。パスワードは変わりません。`,
      actionLabel: 'パスワードを再設定する',
    }),
    [AccountMailKind.CONFIRM_NEW_EMAIL]: (f) => ({
      title: '新しいメールアドレスの確認',
      body: `${f.displayName} さん、Tsunagu のメールアドレスをこのアドレスに変更するお申し込みを受け付けました。\n\n下のボタンから確認すると変更が完了します。リンクの有効期限は48時間です。\n\nお心当たりのない場合は、このメールを破棄してください。`,
      actionLabel: '変更を確定する',
    }),
    [AccountMailKind.EMAIL_CHANGED]: (f) => ({
      title: 'メールアドレスが変更されました',
      body: `${f.displayName} さん、Tsunagu アカウントのメールアドレスが ${f.newAddress ?? ''} に変更されました。\n\nお心当たりのない場合は、至急パスワードを再設定し、運営までご連絡ください。`,
    }),
    [AccountMailKind.PASSWORD_CHANGED]: (f) => ({
      title: 'パスワードが変更されました',
      body: `${f.displayName} さん、Tsunagu アカウントのパスワードが変更されました。ほかの端末ではサインアウトしています。\n\nお心当たりのない場合は、至急パスワードを再設定してください。`,
    }),
  },
  en: {
    [AccountMailKind.VERIFY_EMAIL]: (f) => ({
      title: 'Please confirm your e-mail address',
      body: `Hello ${f.displayName}, thank you for joining Tsunagu.\n\nConfirm your e-mail address with the button below and you can apply to projects. The link works for 48 hours.\n\nIf you did not sign up, you can ignore this e-mail.`,
      actionLabel: 'Confirm my e-mail address',
    }),
    [AccountMailKind.RESET_PASSWORD]: (f) => ({
      title: 'Reset your password',
      body: `Hello ${f.displayName}, we received a request to reset your password.\n\nChoose a new password with the button below. The link works once, for one hour.\n\nIf you did not ask for this, ignore this e-mail: your password stays as it is.`,
      actionLabel: 'Choose a new password',
    }),
    [AccountMailKind.CONFIRM_NEW_EMAIL]: (f) => ({
      title: 'Confirm your new e-mail address',
      body: `Hello ${f.displayName}, you asked to use this address for your Tsunagu account.\n\nConfirm it with the button below to complete the change. The link works for 48 hours.\n\nIf you did not ask for this, ignore this e-mail.`,
      actionLabel: 'Confirm the change',
    }),
    [AccountMailKind.EMAIL_CHANGED]: (f) => ({
      title: 'Your e-mail address was changed',
      body: `Hello ${f.displayName}, the e-mail address of your Tsunagu account is now ${f.newAddress ?? ''}.\n\nIf this was not you, reset your password at once and contact us.`,
    }),
    [AccountMailKind.PASSWORD_CHANGED]: (f) => ({
      title: 'Your password was changed',
      body: `Hello ${f.displayName}, the password of your Tsunagu account was changed and your other devices were signed out.\n\nIf this was not you, reset your password at once.`,
    }),
  },
};

export function accountMailContent(
  locale: Locale,
  kind: AccountMailKind,
  facts: AccountMailFacts,
): AccountMailContent {
  return (WORDING[locale] ?? WORDING.ja)[kind](facts);
}

// Where each link opens in the web app.
export const ACCOUNT_LINK_PATHS: Partial<Record<AccountMailKind, string>> = {
  [AccountMailKind.VERIFY_EMAIL]: '/verify-email',
  [AccountMailKind.RESET_PASSWORD]: '/reset-password',
  [AccountMailKind.CONFIRM_NEW_EMAIL]: '/confirm-email',
};
