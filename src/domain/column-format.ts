import type { ColumnType } from './workspace-template';

/** How set-up formats and validates a column, decided from its type alone. */
export type ValidationSpec =
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'checkbox' }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'date' }
  | { kind: 'email' }
  | { kind: 'url' };

export interface ColumnFormat {
  numberFormat: string;
  validation: ValidationSpec | null;
  /** Text from people: the cells are plain text so "01234" or "2024" stay as typed. */
  plainText: boolean;
  wrap: boolean;
}

const PLAIN_TEXT = '@';

export function columnFormat(type: ColumnType): ColumnFormat {
  switch (type.kind) {
    case 'id':
      return { numberFormat: PLAIN_TEXT, validation: null, plainText: true, wrap: false };
    case 'text':
      return { numberFormat: PLAIN_TEXT, validation: null, plainText: true, wrap: type.long === true };
    case 'choice':
      return {
        numberFormat: PLAIN_TEXT,
        validation: { kind: 'list', values: type.choices },
        plainText: true,
        wrap: false,
      };
    case 'email':
      return { numberFormat: PLAIN_TEXT, validation: { kind: 'email' }, plainText: true, wrap: false };
    case 'url':
      return { numberFormat: PLAIN_TEXT, validation: { kind: 'url' }, plainText: true, wrap: false };
    case 'score':
      return {
        numberFormat: '0',
        validation: { kind: 'number', min: 1, max: 5 },
        plainText: false,
        wrap: false,
      };
    case 'number': {
      const decimals = type.decimals ?? 0;
      const numberFormat = decimals > 0 ? `0.${'#'.repeat(decimals)}` : '0';
      const bounded = type.min !== undefined || type.max !== undefined;
      return {
        numberFormat,
        validation: bounded ? { kind: 'number', min: type.min ?? -1e15, max: type.max ?? 1e15 } : null,
        plainText: false,
        wrap: false,
      };
    }
    case 'boolean':
      return { numberFormat: 'General', validation: { kind: 'checkbox' }, plainText: false, wrap: false };
    case 'date':
      return { numberFormat: 'yyyy-mm-dd', validation: { kind: 'date' }, plainText: false, wrap: false };
    case 'datetime':
      return { numberFormat: 'yyyy-mm-dd hh:mm', validation: null, plainText: false, wrap: false };
  }
}
