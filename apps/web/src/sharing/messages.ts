import { defineMessages } from '../i18n/define-messages';

// Sharing a project: LINE, X, the link itself, or the phone's own share sheet.
export const sharingMessages = defineMessages(
  {
    sharing: {
      title: 'このプロジェクトを共有',
      line: 'LINEで送る',
      x: 'Xでポスト',
      copy: 'リンクをコピー',
      copied: 'リンクをコピーしました',
      copyFailed: 'コピーできませんでした。アドレスバーのURLをお使いください。',
      more: 'その他の方法で共有',
      newWindow: '（新しいウィンドウで開きます）',
    },
  },
  {
    sharing: {
      title: 'Share this project',
      line: 'Send on LINE',
      x: 'Post on X',
      copy: 'Copy link',
      copied: 'Link copied',
      copyFailed: 'Could not copy. Please use the address in the address bar.',
      more: 'Share another way',
      newWindow: '(opens in a new window)',
    },
  },
);
