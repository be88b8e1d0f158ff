import { incidentData, incidentSeverities } from '../../domain/incidents';
import { inputCaps } from '../../domain/input-caps';
import type { IncidentInput } from '../../shared/incidents';
import type { FieldError } from '../../shared/workflows';
import {
  button,
  dateField,
  errorFor,
  errorSummary,
  form,
  radioGroup,
  selectField,
  textField,
} from '../controls';
import { h } from '../dom';

export interface IncidentFormActions {
  save(): void;
  cancel(): void;
}

export const emptyIncident = (): IncidentInput => ({
  what: '',
  found: '',
  severity: '',
  dataInvolved: '',
});

const fieldIds = {
  what: 'incident-what',
  found: 'incident-found',
  severity: 'incident-severity',
  dataInvolved: 'incident-dataInvolved',
};

const severityText: Record<string, string> = {
  Minor: 'Minor: it misleads nobody (a typo, a formatting slip)',
  Material: 'Material: someone could act on it (a wrong date, fact or instruction)',
  Harmful: 'Harmful: personal data exposed, unfair treatment or harm',
};

/** Recording an incident: it pauses the pilot and tells the privacy officer, security lead and sponsor. */
export function incidentFormView(
  draft: IncidentInput,
  errors: readonly FieldError[],
  busy: boolean,
  actions: IncidentFormActions,
): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'form-heading' },
    h('h2', { id: 'form-heading', tabindex: '-1' }, 'Record an incident'),
    h(
      'p',
      {},
      'Recording it pauses the pilot and emails the privacy officer, the security lead and the sponsor once, with the notice deadline under the data-privacy agreement. The email does not repeat what happened.',
    ),
    errorSummary(errors, fieldIds),
    form(
      () => {
        if (!busy) actions.save();
      },
      textField({
        id: fieldIds.what,
        label: 'What happened',
        hint: 'What went wrong and what was done at once. It stays in the Incidents sheet.',
        value: draft.what,
        maxLength: inputCaps.recordIncident.what,
        multiline: true,
        required: true,
        error: errorFor(errors, 'what'),
        onInput: (v) => (draft.what = v),
      }),
      dateField({
        id: fieldIds.found,
        label: 'Found on',
        value: draft.found,
        error: errorFor(errors, 'found'),
        onInput: (v) => (draft.found = v),
      }),
      radioGroup({
        id: fieldIds.severity,
        legend: 'Severity',
        value: draft.severity,
        choices: incidentSeverities.map((s) => ({ value: s, label: severityText[s] ?? s })),
        error: errorFor(errors, 'severity'),
        onChange: (v) => (draft.severity = v),
      }),
      selectField({
        id: fieldIds.dataInvolved,
        label: 'Data involved',
        hint: 'The most sensitive data tier involved.',
        value: draft.dataInvolved,
        choices: [{ value: '', label: 'Choose' }, ...incidentData.map((d) => ({ value: d, label: d }))],
        error: errorFor(errors, 'dataInvolved'),
        onChange: (v) => (draft.dataInvolved = v),
      }),
      h(
        'div',
        { class: 'actions' },
        button('save-incident', busy ? 'Recording…' : 'Record the incident', {
          busy,
          kind: 'primary',
          onClick: actions.save,
        }),
        button('cancel-incident', 'Cancel', { busy: false, kind: 'secondary', onClick: actions.cancel }),
      ),
    ),
  );
}
