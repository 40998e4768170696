import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, ja } from './catalog';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Each language named in itself, the same in either screen language: for the switch and the
// settings.
export const LANGUAGE_CHOICES: ReadonlyArray<{ value: Language; label: string }> = [
  { value: 'ja', label: '日本語' },
  { value: 'en', label: 'English' },
];

// The reader's choice survives reloads; Japanese until they choose.
const STORAGE_KEY = 'tsunagu.language';

export function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'ja';
}

export function initI18n(language: Language = storedLanguage()) {
  void i18next.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: language,
    fallbackLng: 'ja',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}
