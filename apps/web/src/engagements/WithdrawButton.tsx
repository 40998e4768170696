import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConfirmWithReason } from '../app/ConfirmWithReason';
import { formErrorsOf } from '../graphql/form-errors';
import { formatNumber } from '../i18n/format';
import { TransitionMutation } from './engagement-documents';

// The API's limit on a reason (TransitionEngagementInput.reason).
const REASON_MAX = 2000;

// The participant steps back, saying why; asked to confirm first.
export function WithdrawButton({
  engagementId,
  onDone,
}: {
  engagementId: string;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [, transition] = useMutation(TransitionMutation);
  return (
    <>
      <Button variant="outline" color="red.9" onClick={open}>
        {t('engagements.withdraw.button')}
      </Button>
      <ConfirmWithReason
        opened={opened}
        onClose={close}
        title={t('engagements.withdraw.title')}
        body={t('engagements.withdraw.body')}
        reasonLabel={t('engagements.withdraw.reason')}
        maxLength={REASON_MAX}
        tooLong={t('engagements.withdraw.tooLong', {
          max: formatNumber(REASON_MAX, i18n.language),
        })}
        keepLabel={t('engagements.withdraw.cancel')}
        confirmLabel={t('engagements.withdraw.confirm')}
        onConfirm={async (reason) => {
          const result = await transition({ input: { engagementId, action: 'WITHDRAW', reason } });
          if (result.error) {
            const errors = formErrorsOf(result.error, ['reason'], t);
            return { reason: errors.fields.reason, form: errors.form };
          }
          close();
          onDone();
        }}
      />
    </>
  );
}
