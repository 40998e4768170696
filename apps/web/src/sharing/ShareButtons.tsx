import { Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectUrl, shareTargets } from './share-urls';

type Copy = 'copied' | 'copyFailed';

// The phone's own share sheet where there is one (a touch screen with the Web Share API);
// desktops open a new window for LINE or X instead.
function nativeShareAvailable(): boolean {
  return typeof navigator.share === 'function' && window.matchMedia?.('(pointer: coarse)').matches;
}

// Sharing a project: LINE, X and the link, with the project's canonical address.
export function ShareButtons({ projectId, title }: { projectId: string; title: string }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<Copy>();
  const url = projectUrl(location.origin, projectId);
  const targets = shareTargets(url, title);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      setCopy('copyFailed');
    }
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="share-title">
      <Title order={2} size="h5" id="share-title">
        {t('sharing.title')}
      </Title>
      <Group gap="xs">
        {nativeShareAvailable() && (
          <Button
            size="xs"
            variant="light"
            // A dismissed sheet rejects: nothing to report.
            onClick={() => void navigator.share({ title, url }).catch(() => undefined)}
          >
            {t('sharing.more')}
          </Button>
        )}
        <Button
          size="xs"
          variant="default"
          component="a"
          href={targets.line}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('sharing.line')}
          <VisuallyHidden>{t('sharing.newWindow')}</VisuallyHidden>
        </Button>
        <Button
          size="xs"
          variant="default"
          component="a"
          href={targets.x}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('sharing.x')}
          <VisuallyHidden>{t('sharing.newWindow')}</VisuallyHidden>
        </Button>
        <Button size="xs" variant="default" onClick={() => void copyLink()}>
          {t('sharing.copy')}
        </Button>
      </Group>
      <Text size="sm" c={copy === 'copyFailed' ? 'red.9' : 'gray.7'} role="status" mih={20}>
        {copy && t(`sharing.${copy}`)}
      </Text>
    </Stack>
  );
}
