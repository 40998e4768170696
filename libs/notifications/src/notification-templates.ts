import { RecipientRole } from '@tsunagu/core';
import type { NotificationEventType } from './notified-events';
import type { Locale } from '@tsunagu/identity';

export interface RenderedMessage {
  title: string;
  body: string;
}

type Vars = Record<string, string>;
type Template = (v: Vars, role: RecipientRole) => RenderedMessage;

const STATUS_LABELS: Record<Locale, Record<string, string>> = {
  ja: {
    SUBMITTED: '応募済み',
    INTERVIEW: '面談調整中',
    ACCEPTED: '受入れ決定',
    APPROVED: '承認済み',
    ACTIVE: '活動中',
    COMPLETED: '完了',
    DECLINED: '見送り',
    WITHDRAWN: '辞退',
    CANCELLED: '中止',
    PROPOSED: '提案あり',
    FAILED: '失敗',
  },
  en: {
    SUBMITTED: 'submitted',
    INTERVIEW: 'interview',
    ACCEPTED: 'accepted',
    APPROVED: 'approved',
    ACTIVE: 'active',
    COMPLETED: 'completed',
    DECLINED: 'declined',
    WITHDRAWN: 'withdrawn',
    CANCELLED: 'cancelled',
    PROPOSED: 'proposed',
    FAILED: 'failed',
  },
};

const status = (locale: Locale, value: string | undefined) =>
  STATUS_LABELS[locale][value ?? ''] ?? value ?? '';

// Dates in messages are Japanese calendar days, the platform's reference for due dates.
const day = (locale: Locale, iso: string | undefined) =>
  iso
    ? new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
        dateStyle: 'long',
        timeZone: 'Asia/Tokyo',
      }).format(new Date(iso))
    : '';

// An event's start in the event's own zone, which is named when it is not Japan's.
const eventTime = (locale: Locale, iso: string | undefined, timeZone: string | undefined) => {
  if (!iso) return '';
  const zone = timeZone || 'Asia/Tokyo';
  const text = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: zone,
  }).format(new Date(iso));
  return zone === 'Asia/Tokyo' ? text : `${text} (${zone})`;
};

// An activity day's date (Japan time) as an instant the day formatter reads.
const dayStart = (v: Vars) => (v.date ? `${v.date}T12:00:00+09:00` : undefined);
const ORGANIZATION_KINDS: Record<Locale, Record<string, string>> = {
  ja: { REGION: '地域', INTERMEDIARY: '中間支援組織', COMPANY: '企業' },
  en: { REGION: 'region', INTERMEDIARY: 'intermediary', COMPANY: 'company' },
};
const kindOf = (locale: Locale, value: string | undefined) =>
  ORGANIZATION_KINDS[locale][value ?? ''] ?? '';

const withReason = (body: string, reason: string | undefined, label: string) =>
  reason ? `${body}\n${label}${reason}` : body;

// What each event says, per language. Japanese is the default; English on request. Every
// channel (in-app, e-mail, digest) renders from here, so they always agree.
export const TEMPLATES: Record<NotificationEventType, Record<Locale, Template>> = {
  APPLICATION_SUBMITTED: {
    ja: (v) => ({
      title: `「${v.project}」に新しい応募がありました`,
      body: `${v.participant}さんが「${v.project}」に応募しました。応募内容を確認してください。`,
    }),
    en: (v) => ({
      title: `New application to "${v.project}"`,
      body: `${v.participant} applied to "${v.project}". Please review the application.`,
    }),
  },
  ENGAGEMENT_STATUS_CHANGED: {
    ja: (v, role) => ({
      title: `「${v.project}」: ${status('ja', v.toStatus)}`,
      body: withReason(
        role === RecipientRole.PARTICIPANT
          ? `「${v.project}」へのご参加の状況が「${status('ja', v.fromStatus)}」から「${status('ja', v.toStatus)}」になりました。`
          : `${v.participant}さんの「${v.project}」への参加状況が「${status('ja', v.fromStatus)}」から「${status('ja', v.toStatus)}」になりました。`,
        v.reason,
        '理由: ',
      ),
    }),
    en: (v, role) => ({
      title: `"${v.project}": ${status('en', v.toStatus)}`,
      body: withReason(
        role === RecipientRole.PARTICIPANT
          ? `Your engagement with "${v.project}" moved from ${status('en', v.fromStatus)} to ${status('en', v.toStatus)}.`
          : `${v.participant}'s engagement with "${v.project}" moved from ${status('en', v.fromStatus)} to ${status('en', v.toStatus)}.`,
        v.reason,
        'Reason: ',
      ),
    }),
  },
  SCOUT_OFFER_RECEIVED: {
    ja: (v) => ({
      title: `${v.region}から「${v.project}」へのお誘いが届きました`,
      body: `${v.region}があなたに「${v.project}」への参加を提案しています。\n${v.message}`,
    }),
    en: (v) => ({
      title: `${v.region} invites you to "${v.project}"`,
      body: `${v.region} would like you to join "${v.project}".\n${v.message}`,
    }),
  },
  SCOUT_OFFER_ANSWERED: {
    ja: (v) => ({
      title: `${v.participant}さんがスカウトに回答しました`,
      body: `「${v.project}」へのお誘いに${v.participant}さんが${v.answer === 'ACCEPTED' ? '応じ、応募が届きました' : '今回は見送ると回答しました'}。`,
    }),
    en: (v) => ({
      title: `${v.participant} answered your scout offer`,
      body: `${v.participant} ${v.answer === 'ACCEPTED' ? 'accepted the offer for' : 'declined the offer for'} "${v.project}".`,
    }),
  },
  APPLICATION_UNANSWERED: {
    ja: (v) => ({
      title: '未回答の応募があります',
      body: `${v.participant}さんの「${v.project}」への応募（${day('ja', v.since)}）に地域から回答がありません。`,
    }),
    en: (v) => ({
      title: 'An application is waiting for an answer',
      body: `${v.participant}'s application to "${v.project}" (${day('en', v.since)}) is past the region's response period.`,
    }),
  },
  ENGAGEMENT_STALE: {
    ja: (v) => ({
      title: '連絡が途絶えています',
      body: `${v.participant}さんの「${v.project}」で、${day('ja', v.since)}以降チェックインがありません。`,
    }),
    en: (v) => ({
      title: 'An engagement has gone quiet',
      body: `No check-in from ${v.participant} on "${v.project}" since ${day('en', v.since)}.`,
    }),
  },
  MILESTONE_OVERDUE: {
    ja: (v) => ({
      title: '期限切れのマイルストーンがあります',
      body: `${v.participant}さんの「${v.project}」で、${day('ja', v.since)}期限のマイルストーンが未完了です。`,
    }),
    en: (v) => ({
      title: 'A milestone is overdue',
      body: `A milestone of ${v.participant} on "${v.project}" was due on ${day('en', v.since)}.`,
    }),
  },
  FOLLOW_UP_DUE: {
    ja: (v) => ({
      title: `${v.months}か月後のフォローアップ`,
      body: `「${v.project}」のその後の地域とのつながりを記録してください。`,
    }),
    en: (v) => ({
      title: `${v.months}-month follow-up`,
      body: `How is the relationship with the region going since "${v.project}"? Please record it.`,
    }),
  },
  PROJECT_PAUSED: {
    ja: (v) => ({
      title: `「${v.project}」の募集を一時停止しました`,
      body: `回答期限を過ぎた応募があるため、「${v.project}」は検索と推薦から外れています。応募に回答すると再開します。`,
    }),
    en: (v) => ({
      title: `"${v.project}" is paused`,
      body: `"${v.project}" has left search and recommendations because applications are past their response period (${v.reason}). Answering them reopens it.`,
    }),
  },
  PROJECT_INTEREST_MARKED: {
    ja: (v) => ({
      title: `「${v.project}」に興味ありが届きました`,
      body: `参加者が「${v.project}」に興味ありを付けました。プロジェクトの興味ありの一覧で確認できます（公開範囲を許可した参加者のみ表示されます）。`,
    }),
    en: (v) => ({
      title: `New interest in "${v.project}"`,
      body: `A participant marked "${v.project}" as interesting. See who in the project's list of interested participants (those whose visibility allows it).`,
    }),
  },
  ALLOCATION_READY: {
    ja: (v) => ({
      title: `「${v.cohort}」の配置案: ${status('ja', v.status)}`,
      body:
        v.status === 'FAILED'
          ? `「${v.cohort}」の配置を計算できませんでした。内容を確認してください。`
          : `「${v.cohort}」の配置案ができました。確認して確定してください。`,
    }),
    en: (v) => ({
      title: `Allocation for "${v.cohort}": ${status('en', v.status)}`,
      body:
        v.status === 'FAILED'
          ? `The allocation for "${v.cohort}" could not be computed. Please check its problems.`
          : `The allocation for "${v.cohort}" is ready. Please review and confirm it.`,
    }),
  },
  PROJECT_SUBMITTED: {
    ja: (v) => ({
      title: `${v.region}から「${v.project}」の審査依頼が届きました`,
      body: `${v.region}が「${v.project}」を審査に出しました。内容を確認して、公開するか修正を依頼してください。`,
    }),
    en: (v) => ({
      title: `${v.region} submitted "${v.project}" for review`,
      body: `${v.region} submitted "${v.project}" for review. Please check it, then publish it or ask for changes.`,
    }),
  },
  PROJECT_CHANGES_REQUESTED: {
    ja: (v, role) => ({
      title: `「${v.project}」に修正の依頼がありました`,
      body: withReason(
        role === RecipientRole.REGION
          ? `「${v.project}」は公開前に修正が必要です。コメントを確認し、直してからもう一度審査に出してください。`
          : `${v.region}の「${v.project}」を修正のため差し戻しました。`,
        v.comment,
        'コメント: ',
      ),
    }),
    en: (v, role) => ({
      title: `Changes requested on "${v.project}"`,
      body: withReason(
        role === RecipientRole.REGION
          ? `"${v.project}" needs changes before it can be published. Read the comment, edit it and submit it again.`
          : `"${v.project}" by ${v.region} was sent back for changes.`,
        v.comment,
        'Comment: ',
      ),
    }),
  },
  PROJECT_PUBLISHED: {
    ja: (v, role) => ({
      title: `「${v.project}」が公開されました`,
      body: withReason(
        role === RecipientRole.REGION
          ? `「${v.project}」が審査を通り、公開されました。参加者が検索して応募できます。`
          : `${v.region}の「${v.project}」が公開されました。`,
        v.comment,
        'コメント: ',
      ),
    }),
    en: (v, role) => ({
      title: `"${v.project}" is published`,
      body: withReason(
        role === RecipientRole.REGION
          ? `"${v.project}" passed review and is published: participants can find it and apply.`
          : `"${v.project}" by ${v.region} is published.`,
        v.comment,
        'Comment: ',
      ),
    }),
  },
  EVENT_PLACE_OFFERED: {
    ja: (v) => ({
      title: `「${v.event}」の参加が決まりました`,
      body: `キャンセル待ちから繰り上がり、${eventTime('ja', v.startsAt, v.timeZone)}からの「${v.event}」に参加できます。行けなくなったら、ほかの方のために早めにキャンセルしてください。`,
    }),
    en: (v) => ({
      title: `You have a place at "${v.eventEn}"`,
      body: `A place came free and you moved up from the waiting list: "${v.eventEn}" starts ${eventTime('en', v.startsAt, v.timeZone)}. If you can no longer come, please cancel early so someone else can.`,
    }),
  },
  EVENT_REMINDER: {
    ja: (v) => ({
      title:
        v.kind === 'HOUR_BEFORE'
          ? `まもなく「${v.event}」が始まります`
          : `明日は「${v.event}」です`,
      body: `「${v.event}」は${eventTime('ja', v.startsAt, v.timeZone)}からです。場所やオンラインのリンクはイベントのページで確認できます。`,
    }),
    en: (v) => ({
      title:
        v.kind === 'HOUR_BEFORE'
          ? `"${v.eventEn}" starts in an hour`
          : `"${v.eventEn}" is tomorrow`,
      body: `"${v.eventEn}" starts ${eventTime('en', v.startsAt, v.timeZone)}. The place or the meeting link is on the event's page.`,
    }),
  },
  EVENT_CANCELLED: {
    ja: (v) => ({
      title: `「${v.event}」は中止になりました`,
      body: withReason(
        `${eventTime('ja', v.startsAt, v.timeZone)}に予定していた「${v.event}」は、主催者の判断で中止になりました。`,
        v.reason,
        '理由：',
      ),
    }),
    // The reason reads as the organiser wrote it, in whichever language.
    en: (v) => ({
      title: `"${v.eventEn}" is cancelled`,
      body: withReason(
        `The organiser cancelled "${v.eventEn}", planned for ${eventTime('en', v.startsAt, v.timeZone)}.`,
        v.reason,
        'Reason: ',
      ),
    }),
  },
  MENTORING_BOOKED: {
    ja: (v) => ({
      title: `${v.organization}がメンタリングを予約しました`,
      body: `${eventTime('ja', v.startsAt, v.timeZone)}から、${v.organization}の「${v.initiative}」について1対1で話します。相談したいことはメンタリングのページで確認できます。`,
    }),
    en: (v) => ({
      title: `${v.organization} booked a mentoring session`,
      body: `${eventTime('en', v.startsAt, v.timeZone)}: a 1-on-1 with ${v.organization} about "${v.initiative}". What they want to polish is on your mentoring page.`,
    }),
  },
  // `why` is set when the platform cancelled: MENTOR_LEFT (told to the member) or LEFT_COUNCIL
  // (told to the mentor).
  MENTORING_CANCELLED: {
    ja: (v) =>
      v.side === 'MEMBER'
        ? {
            title: `メンタリング（${v.mentor}さん）が取りやめになりました`,
            body:
              v.why === 'MENTOR_LEFT'
                ? `${eventTime('ja', v.startsAt, v.timeZone)}からの「${v.initiative}」のメンタリングは、メンターが退会したため取りやめになりました。ほかのメンターの空き枠から予約できます。`
                : withReason(
                    `${eventTime('ja', v.startsAt, v.timeZone)}からの「${v.initiative}」のメンタリングは、メンターの都合で取りやめになりました。ほかの空き枠から予約し直せます。`,
                    v.reason,
                    '理由：',
                  ),
          }
        : {
            title: `${v.organization}がメンタリングを取り消しました`,
            body:
              v.why === 'LEFT_COUNCIL'
                ? `${v.organization}がかかわりラボを退会したため、${eventTime('ja', v.startsAt, v.timeZone)}からの「${v.initiative}」のメンタリングは取り消されました。この枠はふたたび予約を受け付けます。`
                : `${eventTime('ja', v.startsAt, v.timeZone)}からの「${v.initiative}」のメンタリングが取り消されました。この枠はふたたび予約を受け付けます。`,
          },
    en: (v) =>
      v.side === 'MEMBER'
        ? {
            title: `Your mentoring session with ${v.mentor} is cancelled`,
            body:
              v.why === 'MENTOR_LEFT'
                ? `The session about "${v.initiative}" planned for ${eventTime('en', v.startsAt, v.timeZone)} is cancelled: the mentor has left the platform. You can book another mentor's free slot.`
                : withReason(
                    `The mentor cancelled the session about "${v.initiative}" planned for ${eventTime('en', v.startsAt, v.timeZone)}. You can book another free slot.`,
                    v.reason,
                    'Reason: ',
                  ),
          }
        : {
            title: `${v.organization} cancelled a mentoring session`,
            body:
              v.why === 'LEFT_COUNCIL'
                ? `${v.organization} has left the council, so the session about "${v.initiative}" planned for ${eventTime('en', v.startsAt, v.timeZone)} is cancelled. The slot is open for booking again.`
                : `The session about "${v.initiative}" planned for ${eventTime('en', v.startsAt, v.timeZone)} is cancelled. The slot is open for booking again.`,
          },
  },
  ACTIVITY_DAYS_PUBLISHED: {
    ja: (v) => ({
      title: `「${v.project}」の活動日が決まりました`,
      body:
        v.count === '1'
          ? `${day('ja', dayStart(v))} ${v.startTime}〜${v.endTime}に「${v.project}」の活動日があります。参加できる方は、活動のページから申し込んでください（前日まで）。`
          : `「${v.project}」の活動日が${v.count}日分決まりました（最初は${day('ja', dayStart(v))} ${v.startTime}〜）。参加できる日を、活動のページから申し込んでください（各日の前日まで）。`,
    }),
    en: (v) => ({
      title: `New activity days for "${v.project}"`,
      body:
        v.count === '1'
          ? `"${v.project}" has an activity day on ${day('en', dayStart(v))}, ${v.startTime}–${v.endTime}. If you can come, sign up on your engagement's page (until the day before).`
          : `"${v.project}" has ${v.count} new activity days, the first on ${day('en', dayStart(v))} from ${v.startTime}. Sign up for the days you can come on your engagement's page (until the day before each).`,
    }),
  },
  ACTIVITY_DAY_CANCELLED: {
    ja: (v) => ({
      title: `${day('ja', dayStart(v))}の活動日は中止になりました`,
      body: `${day('ja', dayStart(v))} ${v.startTime}〜${v.endTime}に予定していた「${v.project}」の活動日は、地域の判断で中止になりました。申し込みありがとうございました。`,
    }),
    en: (v) => ({
      title: `The activity day on ${day('en', dayStart(v))} is cancelled`,
      body: `The region cancelled the "${v.project}" activity day planned for ${day('en', dayStart(v))}, ${v.startTime}–${v.endTime}. Thank you for signing up.`,
    }),
  },
  ACTIVITY_DAY_REMINDER: {
    ja: (v) => ({
      title: `明日は「${v.project}」の活動日です`,
      body: `${day('ja', dayStart(v))} ${v.startTime}〜${v.endTime}、集合場所は「${v.meetingPoint}」です。行けなくなったときは、地域の方にメッセージで知らせてください。`,
    }),
    en: (v) => ({
      title: `"${v.project}" activity day tomorrow`,
      body: `${day('en', dayStart(v))}, ${v.startTime}–${v.endTime}; meet at: ${v.meetingPoint}. If you can no longer come, please tell the region in a message.`,
    }),
  },
  COUNCIL_MEMBERSHIP_APPLIED: {
    ja: (v) => ({
      title: `${v.organization}から協議会への入会申請がありました`,
      body: `${v.organization}（${kindOf('ja', v.kind)}）がかかわりラボへの入会を申請しました。申請一覧で内容を確かめ、承認するか見送るかを決めてください。`,
    }),
    en: (v) => ({
      title: `${v.organization} applied to join the council`,
      body: `${v.organization} (${kindOf('en', v.kind)}) applied to join the council (Kakawari Lab). Please review the application and approve or reject it.`,
    }),
  },
  COUNCIL_MEMBERSHIP_DECIDED: {
    ja: (v) => ({
      title:
        v.status === 'APPROVED'
          ? `${v.organization}のかかわりラボ入会が承認されました`
          : `${v.organization}のかかわりラボ入会は見送りとなりました`,
      body: withReason(
        v.status === 'APPROVED'
          ? '会員名簿に載りました。会員ページで紹介文や「提供できること・求めていること」を整えると、ほかの会員とつながりやすくなります。'
          : '今回は入会を見送らせていただきました。内容を見直して、あらためて申請できます。',
        v.reason,
        '理由: ',
      ),
    }),
    en: (v) => ({
      title:
        v.status === 'APPROVED'
          ? `${v.organization} is now a member of the council`
          : `${v.organization}'s council application was not accepted`,
      body: withReason(
        v.status === 'APPROVED'
          ? 'You are listed in the member directory. Complete your profile, with what you offer and what you seek, so other members can find you.'
          : 'The application was not accepted this time. You may revise it and apply again.',
        v.reason,
        'Reason: ',
      ),
    }),
  },
  COUNCIL_CONTACT_RECEIVED: {
    ja: (v) => ({
      title: `かかわりラボの${v.organization}からメッセージが届きました`,
      body: `${v.organization}の${v.author}さんから、かかわりラボを通じてメッセージが届きました。\n\n${v.message}\n\n返信は${v.organization}の会員ページから送れます（メールアドレスはお互いに伝わりません）。`,
    }),
    en: (v) => ({
      title: `A message from ${v.organization}, a council member`,
      body: `${v.author} of ${v.organization} wrote to you through the council:\n\n${v.message}\n\nReply from ${v.organization}'s member page (neither side sees the other's e-mail address).`,
    }),
  },
  MESSAGE_POSTED: {
    ja: (v) => ({
      title: `${v.author}さんから「${v.project}」のメッセージ`,
      body: `${v.author}さんがメッセージを送りました。スレッドでお読みください。`,
    }),
    en: (v) => ({
      title: `Message from ${v.author} about "${v.project}"`,
      body: `${v.author} sent you a message. Read it in the thread.`,
    }),
  },
};

export function renderNotification(
  type: NotificationEventType,
  locale: Locale,
  vars: Vars,
  role: RecipientRole,
): RenderedMessage {
  // A stored event of a type this version does not know (written by a newer one).
  const template = TEMPLATES[type];
  if (!template) throw new Error(`no message for ${type} events in this version`);
  return template[locale](vars, role);
}

// Where the web app shows the subject of a notification, for links in e-mails. A staff member
// (heard of it for an organisation) reviews a project in the intermediary's workspace, or manages
// it in the region's.
export function actionPath(
  links: Record<string, string>,
  staff?: { role: RecipientRole; organizationId: string | null },
): string | undefined {
  if (links.regionId && links.projectId && staff?.organizationId) {
    const page = staff.role === RecipientRole.INTERMEDIARY ? 'review' : 'projects';
    return `/manage/${staff.organizationId}/${page}/${links.projectId}`;
  }
  if (links.mentoringBookingId) {
    return links.organizationId ? `/manage/${links.organizationId}/mentoring` : '/mentoring';
  }
  if (links.conversationId) return `/messages/${links.conversationId}`;
  // Council notices lead into the workspace of the organisation heard for (the admins' queue, or
  // the member's own council page).
  if (links.councilMemberId) return `/council/${links.councilMemberId}`;
  if (links.councilPage && staff?.organizationId) {
    return `/manage/${staff.organizationId}/${links.councilPage}`;
  }
  if (links.scoutOfferId) return `/scout-offers/${links.scoutOfferId}`;
  if (links.engagementId) return `/engagements/${links.engagementId}`;
  if (links.eventId) return `/events/${links.eventId}`;
  if (links.allocationId) return `/cohorts/${links.cohortId}/allocations/${links.allocationId}`;
  if (links.projectId) return `/projects/${links.projectId}`;
  return undefined;
}

export const PREFERENCES_PATH = '/settings/notifications';

export function appUrl(config: { APP_URL: string }, path: string): string {
  return new URL(path, config.APP_URL).toString();
}
