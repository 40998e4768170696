import { defineMessages } from '../i18n/define-messages';

// Scout offers a participant receives from regions and intermediaries, and their answers.
export const scoutingMessages = defineMessages(
  {
    scouting: {
      nav: 'スカウト',
      title: 'スカウト',
      intro: '地域や中間支援組織から届いた、プロジェクトへのお誘いです。',
      empty: 'スカウトはまだ届いていません。',
      emptyHint: 'プロフィールを充実させると、地域から声がかかりやすくなります。',
      from: '{{organization}} から',
      sentBy: '担当：{{name}}',
      receivedOn: '{{date}} 受信',
      expires: '{{date}} までに返事をしてください',
      respondedOn: '{{date}} に返事をしました',
      note: '返事に添えるメッセージ（任意）',
      noteHint: '受ける場合は、応募の動機として地域に届きます。{{max}}文字まで。',
      tooLong: '{{max}}文字以内で入力してください',
      accept: '受ける',
      decline: '辞退する',
      yourNote: 'あなたの返事',
      viewEngagement: '応募の状況を見る',
      more: 'さらに表示',
      status: {
        PENDING: '返事待ち',
        ACCEPTED: '受けました',
        DECLINED: '辞退しました',
        EXPIRED: '期限切れ',
        WITHDRAWN: '取り下げられました',
      },
    },
  },
  {
    scouting: {
      nav: 'Scout offers',
      title: 'Scout offers',
      intro: 'Invitations to projects from regions and intermediaries.',
      empty: 'No scout offers yet.',
      emptyHint: 'A fuller profile makes it easier for regions to find you.',
      from: 'From {{organization}}',
      sentBy: 'Sent by {{name}}',
      receivedOn: 'Received on {{date}}',
      expires: 'Please answer by {{date}}',
      respondedOn: 'Answered on {{date}}',
      note: 'Message with your answer (optional)',
      noteHint:
        'If you accept, the region receives it as your motivation. Up to {{max}} characters.',
      tooLong: 'At most {{max}} characters',
      accept: 'Accept',
      decline: 'Decline',
      yourNote: 'Your answer',
      viewEngagement: 'See where it stands',
      more: 'Show more',
      status: {
        PENDING: 'Awaiting your answer',
        ACCEPTED: 'Accepted',
        DECLINED: 'Declined',
        EXPIRED: 'Expired',
        WITHDRAWN: 'Withdrawn by the sender',
      },
    },
  },
);
