import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './FormError';

// What an action refused: a message for the reason field and one for the whole dialog.
export type ReasonErrors = { reason?: string; form?: string };

type Props = {
  opened: boolean;
  onClose: () => void;
  title: string;
  body: ReactNode;
  reasonLabel: string;
  reasonHint?: string;
  // The API's limit on the reason, and how the page words going over it.
  maxLength: number;
  tooLong: string;
  keepLabel: string;
  confirmLabel: string;
  // Takes the action with the reason as typed; resolves to what was refused, or to nothing once
  // done (the caller then closes the dialog).
  onConfirm: (reason: string) => Promise<ReasonErrors | undefined>;
};

// A step that cannot be undone (withdrawing, cancelling an event) confirmed in a dialog that asks
// why: the reason is required, and the API's refusals are shown on the field or the dialog.
export function ConfirmWithReason({
  opened,
  onClose,
  title,
  body,
  reasonLabel,
  reasonHint,
  maxLength,
  tooLong,
  keepLabel,
  confirmLabel,
  onConfirm,
}: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ReasonErrors>({});
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setErrors({});
    if (!reason.trim()) return setErrors({ reason: t('form.required') });
    if (reason.length > maxLength) return setErrors({ reason: tooLong });
    setBusy(true);
    try {
      setErrors((await onConfirm(reason)) ?? {});
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': keepLabel }}
      centered
    >
      <Stack>
        <Text size="sm">{body}</Text>
        <FormError message={errors.form} />
        <Textarea
          label={reasonLabel}
          description={reasonHint}
          required
          autosize
          minRows={3}
          maxLength={maxLength}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {keepLabel}
          </Button>
          <Button color="red.9" loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
