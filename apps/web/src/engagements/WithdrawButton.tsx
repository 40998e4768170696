import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatNumber } from '../i18n/format';
import { TransitionMutation } from './engagement-documents';
import { FormError } from '../app/FormError';

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
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [{ fetching }, transition] = useMutation(TransitionMutation);
  const submit = async () => {
    setFieldError(undefined);
    setFormError(undefined);
    if (!reason.trim()) return setFieldError(t('form.required'));
    if (reason.length > REASON_MAX)
      return setFieldError(
        t('engagements.withdraw.tooLong', { max: formatNumber(REASON_MAX, i18n.language) }),
      );
    const result = await transition({ input: { engagementId, action: 'WITHDRAW', reason } });
    if (!result.error) {
      close();
      return onDone();
    }
    const errors = formErrorsOf(result.error, ['reason'], t);
    setFieldError(errors.fields.reason);
    setFormError(errors.form);
  };
  return (
    <>
      <Button variant="outline" color="red.9" onClick={open}>
        {t('engagements.withdraw.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('engagements.withdraw.title')} centered>
        <Stack>
          <Text size="sm">{t('engagements.withdraw.body')}</Text>
          <FormError message={formError} />
          <Textarea
            label={t('engagements.withdraw.reason')}
            required
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('engagements.withdraw.cancel')}
            </Button>
            <Button color="red.9" loading={fetching} onClick={() => void submit()}>
              {t('engagements.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
