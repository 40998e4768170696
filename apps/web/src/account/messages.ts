import { defineMessages } from '../i18n/define-messages';

// Signing in and signing up.
export const accountMessages = defineMessages(
  {
    signIn: {
      title: 'ログイン',
      email: 'メールアドレス',
      password: 'パスワード',
      submit: 'ログイン',
      noAccount: 'アカウントをお持ちでない方',
      wrongCredentials: 'メールアドレスまたはパスワードが違います',
    },
    signUp: {
      title: '新規登録',
      displayName: '表示名',
      email: 'メールアドレス',
      password: 'パスワード',
      passwordHint: '{{min}} 文字以上',
      submit: '登録する',
      haveAccount: 'アカウントをお持ちの方',
      emailTaken: 'このメールアドレスは登録済みです',
    },
  },
  {
    signIn: {
      title: 'Sign in',
      email: 'E-mail',
      password: 'Password',
      submit: 'Sign in',
      noAccount: 'New to Tsunagu?',
      wrongCredentials: 'Wrong e-mail address or password',
    },
    signUp: {
      title: 'Sign up',
      displayName: 'Display name',
      email: 'E-mail',
      password: 'Password',
      passwordHint: 'At least {{min}} characters',
      submit: 'Create account',
      haveAccount: 'Already have an account?',
      emailTaken: 'This e-mail address is already registered',
    },
  },
);
