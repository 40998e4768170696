// Alert titles in the text colour: the light variants' own shades (yellow, orange) fall below
// 4.5:1 on their tint.
export const READABLE_ALERT = { title: { color: 'var(--mantine-color-text)' } };
