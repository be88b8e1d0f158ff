import { describe, expect, it } from '@jest/globals';
import { languages, placeholdersOf, render, renderFor } from './catalogue';
import { catalogues } from './index';

const everyMessage = Object.entries(catalogues).flatMap(([name, catalogue]) =>
  Object.entries(catalogue).map(([key, message]) => ({ id: `${name}.${key}`, message })),
);

describe('the message catalogue', () => {
  it('has every registered message in every language, with the same placeholders', () => {
    for (const { id, message } of everyMessage) {
      const english = placeholdersOf(message.en);
      for (const language of languages) {
        expect({ id, language, empty: message[language].trim() === '' }).toEqual({
          id,
          language,
          empty: false,
        });
        expect({ id, language, placeholders: placeholdersOf(message[language]) }).toEqual({
          id,
          language,
          placeholders: english,
        });
      }
    }
  });

  it('fills placeholders and refuses to send one unfilled', () => {
    const message = { en: 'Due {due}', es: 'Vence el {due}' };
    expect(render(message, 'es', { due: '6 dic' })).toBe('Vence el 6 dic');
    expect(() => render(message, 'en')).toThrow('Message parameter missing: due');
  });

  it('gives both languages, English first, to a reader of both', () => {
    const message = { en: 'Reply', es: 'Responda' };
    expect(renderFor(message, 'en+es')).toEqual(['Reply', 'Responda']);
    expect(renderFor(message, 'es')).toEqual(['Responda']);
  });
});
