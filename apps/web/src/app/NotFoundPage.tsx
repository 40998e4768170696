import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl">
      <Title order={1}>{t('errors.notFound')}</Title>
      <Text>{t('errors.notFoundBody')}</Text>
      <Button component={Link} to="/projects">
        {t('errors.backToProjects')}
      </Button>
    </Stack>
  );
}
