import type { ContractCase } from '../contract';

const source = 'FAKES.md §1.2–1.3';

export const valueCases: ContractCase[] = [
  {
    id: 'values/rectangular-with-empty-strings',
    rule: 'getValues() is rectangular, with "" for empty cells (never null or undefined).',
    source,
    run(t) {
      const sheet = t.newSheet();
      sheet.getRange('B2').setValue('x');
      t.equal(
        sheet.getRange(1, 1, 2, 3).getValues(),
        [
          ['', '', ''],
          ['', 'x', ''],
        ],
        'values of A1:C2',
      );
    },
  },
  {
    id: 'values/fresh-arrays',
    rule: 'getValues() returns new arrays each time; changing them does not change the sheet.',
    source,
    run(t) {
      const range = t.newSheet().getRange(1, 1, 1, 2);
      range.setValues([['a', 'b']]);
      const first = range.getValues();
      (first[0] as unknown[])[0] = 'changed';
      t.equal(range.getValues(), [['a', 'b']], 'values after changing the returned array');
      t.ok(range.getValues() !== range.getValues(), 'two reads give two arrays');
    },
  },
  {
    id: 'values/types-kept',
    rule: 'Numbers, booleans and dates come back as number, boolean and Date.',
    source,
    run(t) {
      const range = t.newSheet().getRange(1, 1, 1, 3);
      const when = new Date(Date.UTC(2026, 0, 15, 12, 0, 0));
      range.setValues([[42, true, when]]);
      const [row] = range.getValues();
      t.equal(
        row?.map((v) => (v instanceof Date ? 'Date' : typeof v)),
        ['number', 'boolean', 'Date'],
        'types',
      );
      t.equal(row?.[2], when, 'the date');
    },
  },
  {
    id: 'values/row-count-mismatch',
    rule: 'setValues with the wrong number of rows throws "The data has X but the range has Y."',
    source,
    run(t) {
      const range = t.newSheet().getRange(1, 1, 2, 2);
      t.throws(
        () => range.setValues([['a', 'b']]),
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
        'one row into two',
      );
    },
  },
  {
    id: 'values/column-count-mismatch',
    rule: 'setValues with the wrong number of columns throws "The data has X but the range has Y."',
    source,
    run(t) {
      const range = t.newSheet().getRange(1, 1, 1, 2);
      t.throws(
        () => range.setValues([['a', 'b', 'c']]),
        'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
        'three columns into two',
      );
    },
  },
  {
    id: 'values/one-dimensional-array',
    rule: 'setValues with a 1-D array throws a signature error.',
    source,
    run(t) {
      const range = t.newSheet().getRange(1, 1, 1, 2);
      t.throws(
        () => range.setValues(['a', 'b'] as unknown as unknown[][]),
        "don't match the method signature",
        'setValues(["a", "b"])',
      );
    },
  },
  {
    id: 'values/strings-parsed-as-typed',
    rule: 'Written strings are parsed as typed: "01234" becomes 1234, "2024-01-05" a Date, "TRUE" a boolean.',
    source,
    run(t) {
      const range = t.newSheet().getRange(1, 1, 1, 3);
      range.setValues([['01234', '2024-01-05', 'TRUE']]);
      const [row] = range.getValues();
      t.equal(row?.[0], 1234, '"01234"');
      t.ok(row?.[1] instanceof Date, '"2024-01-05" is a Date');
      t.equal(row?.[2], true, '"TRUE"');
    },
  },
  {
    id: 'values/equals-becomes-formula',
    rule: 'A string starting with "=" is stored as a formula; getValues gives its result.',
    source,
    run(t) {
      const range = t.newSheet().getRange('A1');
      range.setValue('=1+1');
      t.equal(range.getValue(), 2, 'value of "=1+1"');
      t.equal(range.getFormula(), '=1+1', 'formula');
    },
  },
  {
    id: 'values/plain-text-format',
    rule: 'With number format "@", numeric-looking strings stay strings.',
    source,
    run(t) {
      const range = t.newSheet().getRange(1, 1, 1, 2);
      range.setNumberFormat('@');
      range.setValues([['01234', '2024']]);
      t.equal(range.getValues(), [['01234', '2024']], 'values in "@" cells');
    },
  },
  {
    id: 'values/plain-text-format-and-formulas',
    rule: 'Format "@" is not relied on to stop "=" text becoming a formula (the fake makes it a formula).',
    source,
    unconfirmed: true,
    run(t) {
      const range = t.newSheet().getRange('A1');
      range.setNumberFormat('@');
      range.setValue('=1+1');
      t.observe('formula in an "@" cell', range.getFormula());
      t.observe('value in an "@" cell', range.getValue());
    },
  },
  {
    id: 'values/apostrophe-forces-text',
    rule: 'A leading apostrophe keeps text as text, and is not part of the value read back.',
    source,
    unconfirmed: true,
    run(t) {
      const range = t.newSheet().getRange(1, 1, 1, 2);
      range.setValues([["'=SUM(A:A)", "'0123"]]);
      t.equal(range.getValues(), [['=SUM(A:A)', '0123']], 'values written with an apostrophe');
      t.equal(range.getFormulas(), [['', '']], 'no formulas');
    },
  },
  {
    id: 'values/plus-minus-text-becomes-formula',
    rule: 'Text starting with "+" or "-" that is not a plain number is read as a formula.',
    source,
    unconfirmed: true,
    run(t) {
      const range = t.newSheet().getRange('A1');
      range.setValue('+1-555-0100');
      t.equal(range.getFormula(), '=+1-555-0100', 'formula of "+1-555-0100"');
    },
  },
  {
    id: 'values/null-clears',
    rule: 'null and undefined in setValues clear the cell.',
    source,
    unconfirmed: true,
    run(t) {
      const range = t.newSheet().getRange(1, 1, 1, 2);
      range.setValues([['a', 'b']]);
      range.setValues([[null, undefined]]);
      t.equal(range.getValues(), [['', '']], 'values after writing null and undefined');
    },
  },
  {
    id: 'values/formulas-empty-for-plain-cells',
    rule: 'getFormulas() gives "" for cells without a formula.',
    source,
    run(t) {
      const range = t.newSheet().getRange(1, 1, 1, 2);
      range.setValues([['=2*3', 'text']]);
      t.equal(range.getFormulas(), [['=2*3', '']], 'formulas');
      t.equal(range.getValues(), [[6, 'text']], 'values');
    },
  },
  {
    id: 'values/leading-space-keeps-text',
    rule: 'A string with spaces before "=" stays a string.',
    source,
    run(t) {
      const range = t.newSheet().getRange('A1');
      range.setValue('   =SUM(1,2)');
      t.equal([range.getValue(), range.getFormula()], ['   =SUM(1,2)', ''], 'value and formula');
    },
  },
];
