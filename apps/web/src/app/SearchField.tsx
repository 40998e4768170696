import { Combobox, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';

// What a search-as-you-type field holds: the text as typed and the query it settles into once
// the person pauses (what the page asks the API for).
export function useTypedSearch() {
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 200);
  return { text, setText, query, settled: query === text.trim() };
}

export type TypedSearch = ReturnType<typeof useTypedSearch>;

// A text field whose answers open below it as the person types, for choosing things from a long
// list the API searches (skills, regions): arrows and Enter choose one, and Enter never submits
// the form. The page asks the API (with `search.query`), filters what is chosen already and
// says how each option reads; choosing one empties the field.
export function SearchField<T extends { id: string }>({
  search,
  label,
  description,
  placeholder,
  disabled,
  withAsterisk,
  error,
  options,
  fetching,
  searchingText,
  noneText,
  renderOption,
  onPick,
  onEnterTyped,
}: {
  search: TypedSearch;
  label: string;
  description?: string;
  placeholder?: string;
  disabled?: boolean;
  // The choice is required (the chips hold it, so the field itself is not).
  withAsterisk?: boolean;
  error?: string;
  options: T[];
  fetching: boolean;
  searchingText: string;
  noneText: string;
  renderOption: (option: T) => ReactNode;
  onPick: (option: T) => void;
  // Enter with no option highlighted: the typed text itself (e.g. a spelling the list misses).
  onEnterTyped?: (text: string) => void;
}) {
  const { text, setText, settled } = search;
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const pick = (option: T) => {
    onPick(option);
    setText('');
    combobox.closeDropdown();
  };
  return (
    <Combobox
      store={combobox}
      // On a phone, Mantine's detachment check took the field for scrolled away once the answers
      // came (a form's long page) and hid the list under the person's finger.
      hideDetached={false}
      onOptionSubmit={(id) => {
        const option = options.find((o) => o.id === id);
        if (option) pick(option);
      }}
    >
      <Combobox.Target>
        <TextInput
          label={label}
          description={description}
          placeholder={placeholder}
          value={text}
          disabled={disabled}
          withAsterisk={withAsterisk}
          error={error}
          onChange={(event) => {
            setText(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            if (combobox.getSelectedOptionIndex() < 0 && text.trim()) onEnterTyped?.(text.trim());
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!text.trim()}>
        <Combobox.Options aria-label={label}>
          {fetching || !settled ? (
            <Combobox.Empty>{searchingText}</Combobox.Empty>
          ) : options.length === 0 ? (
            <Combobox.Empty>{noneText}</Combobox.Empty>
          ) : (
            options.map((option) => (
              <Combobox.Option value={option.id} key={option.id}>
                {renderOption(option)}
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
