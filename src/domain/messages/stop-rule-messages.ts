import type { Catalogue } from './catalogue';

/**
 * Why a stop rule paused the pilot, as the pause notice tells the sponsor, the privacy officer and the
 * requester in their language (the Pilot sheet and the Log keep the English). `{period}` is a day, or a range
 * of days (`range`), as the Metrics sheet's rows give them.
 */
export const stopRuleMessages = {
  'incidents.one': {
    en: '1 incident in the pilot period {period}.',
    es: '1 incidente en el período del piloto {period}.',
  },
  'incidents.many': {
    en: '{n} incidents in the pilot period {period}.',
    es: '{n} incidentes en el período del piloto {period}.',
  },
  'escaped.material.one': {
    en: '1 material escaped error (reaching families or staff after review) in the pilot period {period}.',
    es: '1 error importante que llegó a familias o al personal después de la revisión, en el período del piloto {period}.',
  },
  'escaped.material.many': {
    en: '{n} material escaped errors (reaching families or staff after review) in the pilot period {period}.',
    es: '{n} errores importantes que llegaron a familias o al personal después de la revisión, en el período del piloto {period}.',
  },
  'escaped.harmful.one': {
    en: '1 harmful escaped error (reaching families or staff after review) in the pilot period {period}.',
    es: '1 error dañino que llegó a familias o al personal después de la revisión, en el período del piloto {period}.',
  },
  'escaped.harmful.many': {
    en: '{n} harmful escaped errors (reaching families or staff after review) in the pilot period {period}.',
    es: '{n} errores dañinos que llegaron a familias o al personal después de la revisión, en el período del piloto {period}.',
  },
  trust: {
    en: 'Staff trust under {limit} in {n} pilot periods running: {values}.',
    es: 'Confianza del personal por debajo de {limit} en {n} períodos seguidos del piloto: {values}.',
  },
  'trust.value': { en: '{value} in {period}', es: '{value} en el período {period}' },
  range: { en: '{start} to {end}', es: 'del {start} al {end}' },
} as const satisfies Catalogue;
