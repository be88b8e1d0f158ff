import type { ContractCase } from '../contract';

const source = 'FAKES.md §7; PLATFORM.md §1.1';

const handler = 'contractTriggerHandler';

export const triggerCases: ContractCase[] = [
  {
    id: 'triggers/create-list-delete',
    rule: 'A created trigger is listed by getProjectTriggers and removed by deleteTrigger.',
    source,
    run(t) {
      const app = t.gas.ScriptApp;
      const trigger = app.newTrigger(handler).timeBased().everyHours(1).create();
      try {
        const mine = app.getProjectTriggers().filter((x) => x.getUniqueId() === trigger.getUniqueId());
        t.equal(
          mine.map((x) => [x.getHandlerFunction(), String(x.getEventType())]),
          [[handler, 'CLOCK']],
          'listed trigger',
        );
      } finally {
        app.deleteTrigger(trigger);
      }
      t.equal(
        app.getProjectTriggers().filter((x) => x.getUniqueId() === trigger.getUniqueId()).length,
        0,
        'after delete',
      );
    },
  },
  {
    id: 'triggers/add-on-hourly-minimum',
    rule: 'An add-on cannot create a time-driven trigger that runs more often than hourly.',
    source,
    unconfirmed: true,
    run(t) {
      t.throws(
        () => t.gas.ScriptApp.newTrigger(handler).timeBased().everyMinutes(5).create(),
        /.+/,
        'everyMinutes(5)',
      );
    },
  },
  {
    id: 'triggers/add-on-one-clock-trigger-per-document',
    rule: 'An add-on may hold one time-driven trigger per user per document.',
    source,
    unconfirmed: true,
    run(t) {
      const app = t.gas.ScriptApp;
      const first = app.newTrigger(handler).timeBased().everyHours(1).create();
      try {
        t.throws(
          () => app.newTrigger(handler).timeBased().everyHours(2).create(),
          'too many time-based triggers',
          'a second one',
        );
      } finally {
        for (const x of app.getProjectTriggers())
          if (x.getHandlerFunction() === handler) app.deleteTrigger(x);
      }
      t.ok(first.getUniqueId() !== '', 'first trigger has an id');
    },
  },
];
