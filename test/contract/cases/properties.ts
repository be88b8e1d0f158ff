import type { ContractCase } from '../contract';

const source = 'FAKES.md §4';

/** Run against user properties, so a real run leaves no trace in any document. */
export const propertyCases: ContractCase[] = [
  {
    id: 'properties/strings-and-null',
    rule: 'Property values are strings, and a missing key reads as null.',
    source,
    run(t) {
      const store = t.gas.PropertiesService.getUserProperties();
      store.setProperty('contract.number', 5 as unknown as string);
      t.equal(store.getProperty('contract.number'), '5', 'a number stored');
      t.equal(store.getProperty('contract.missing'), null, 'a missing key');
      store.deleteProperty('contract.number');
    },
  },
  {
    id: 'properties/copies',
    rule: 'getProperties() returns a copy: changing it changes nothing.',
    source,
    run(t) {
      const store = t.gas.PropertiesService.getUserProperties();
      store.setProperty('contract.copy', 'a');
      const copy = store.getProperties();
      copy['contract.copy'] = 'b';
      t.equal(store.getProperty('contract.copy'), 'a', 'stored value');
      store.deleteProperty('contract.copy');
    },
  },
  {
    id: 'properties/replace-all',
    rule: 'setProperties(values, true) deletes every other key.',
    source,
    run(t) {
      const store = t.gas.PropertiesService.getUserProperties();
      const saved = store.getProperties();
      try {
        store.setProperty('contract.old', 'x');
        store.setProperties({ 'contract.new': 'y' }, true);
        t.equal(store.getKeys(), ['contract.new'], 'keys');
      } finally {
        store.setProperties(saved, true);
      }
    },
  },
  {
    id: 'properties/value-limit',
    rule: 'A value over 9 KB throws the property storage quota error.',
    source,
    run(t) {
      const store = t.gas.PropertiesService.getUserProperties();
      const big = 'x'.repeat(9 * 1024 + 1);
      t.throws(
        () => store.setProperty('contract.big', big),
        'exceeded the property storage quota',
        'a 9 KB + 1 value',
      );
      t.equal(store.getProperty('contract.big'), null, 'nothing stored');
    },
  },
];
