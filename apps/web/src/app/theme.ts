import {
  Badge,
  CheckboxGroup,
  createTheme,
  InputWrapper,
  type InputWrapperProps,
  RadioGroup,
  SwitchGroup,
  type CSSVariablesResolver,
} from '@mantine/core';

// A group's description introduces its options, so it stays above them.
const DESCRIPTION_ABOVE: Pick<InputWrapperProps, 'inputWrapperOrder'> = {
  inputWrapperOrder: ['label', 'description', 'input', 'error'],
};

// Indigo (藍) as the brand colour; its 7th shade keeps text contrast above 4.5:1 on white.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  fontFamily:
    'system-ui, -apple-system, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'md',
  components: {
    // Mantine writes badges in capitals: "ACTIVE" shouts in English, and a badge's words are
    // the same sentence case as the rest of the page.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
    // A field's description (and a day or time field's typing hint) goes under its input, not
    // between label and input: fields side by side in a row then line up whatever the length of
    // their descriptions, or whether they have one (a description wrapping to two lines pushed
    // its input below its neighbour's).
    InputWrapper: InputWrapper.extend({
      defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] },
    }),
    CheckboxGroup: CheckboxGroup.extend({ defaultProps: DESCRIPTION_ABOVE }),
    RadioGroup: RadioGroup.extend({ defaultProps: DESCRIPTION_ABOVE }),
    SwitchGroup: SwitchGroup.extend({ defaultProps: DESCRIPTION_ABOVE }),
  },
});

// Mantine's default error red, dimmed and placeholder greys fall below 4.5:1 on white; darker
// shades pass.
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-error': t.colors.red[9],
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[7],
  },
  dark: {},
});
