import { CloseButton, Group, Text } from '@mantine/core';

// What a search-as-you-type picker has chosen, as chips with a named remove button each.
export function RemovableChips<T extends { id: string; name: string }>({
  value,
  removeLabel,
  onRemove,
}: {
  value: T[];
  removeLabel: (item: T) => string;
  onRemove: (item: T) => void;
}) {
  if (value.length === 0) return null;
  return (
    <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {value.map((item) => (
        <Group
          key={item.id}
          component="li"
          gap={2}
          wrap="nowrap"
          pl="sm"
          pr={4}
          py={2}
          bg="gray.1"
          style={{ borderRadius: 'var(--mantine-radius-xl)' }}
        >
          {/* The whole name, wrapping if it must: a long one is not cut off on a phone. */}
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {item.name}
          </Text>
          <CloseButton
            size="sm"
            radius="xl"
            aria-label={removeLabel(item)}
            onClick={() => onRemove(item)}
          />
        </Group>
      ))}
    </Group>
  );
}
