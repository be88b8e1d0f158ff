import type { Catalogue } from './catalogue';

/**
 * What the Gmail card says (src/gmail-card). The approver reads it beside our email, in the email's
 * language; a message that is not ours gets both languages, since we cannot tell whose it is.
 */
export const cardMessages = {
  title: { en: 'AI Plan approval request', es: 'Solicitud de aprobación de AI Plan' },
  askLabel: { en: 'What you are asked', es: 'Lo que se le pide' },
  dueLabel: { en: 'Due', es: 'Vence' },
  dueUnknown: { en: 'Not stated in the email', es: 'No consta en el correo' },
  factsHeader: { en: 'From the email', es: 'Según el correo' },
  answerHeader: { en: 'Your answer', es: 'Su respuesta' },
  commentLabel: { en: 'Comment (optional)', es: 'Comentario (opcional)' },
  commentHint: {
    en: 'Sent with your answer, in your reply. Please keep personal data out of it.',
    es: 'Se envía con su respuesta. Por favor, no incluya datos personales.',
  },
  approve: { en: 'Approve', es: 'Aprobar' },
  requestChanges: { en: 'Request changes', es: 'Solicitar cambios' },
  reject: { en: 'Reject', es: 'Rechazar' },
  /** The first word of the reply: the reply reader's keywords (reply-words.ts), one per language. */
  keywordApprove: { en: 'APPROVE', es: 'APROBAR' },
  keywordChanges: { en: 'CHANGES', es: 'CAMBIOS' },
  keywordReject: { en: 'REJECT', es: 'RECHAZAR' },
  typedStillWorks: {
    en: 'Replying by email with APPROVE, CHANGES or REJECT as the first word works too.',
    es: 'También puede responder por correo con APROBAR, CAMBIOS o RECHAZAR como primera palabra.',
  },
  previewTitle: { en: 'Check your reply', es: 'Revise su respuesta' },
  previewIntro: {
    en: 'This reply goes from your account, in the request’s thread:',
    es: 'Esta respuesta sale de su cuenta, en la conversación de la solicitud:',
  },
  previewTo: { en: 'To', es: 'Para' },
  previewSubject: { en: 'Subject', es: 'Asunto' },
  previewBody: { en: 'Reply', es: 'Respuesta' },
  previewRecords: { en: 'The plan will record: {decision}', es: 'El plan registrará: {decision}' },
  previewNeedsPerson: {
    en: 'A person will read this reply before it counts, because of what the comment says.',
    es: 'Una persona leerá esta respuesta antes de que cuente, por lo que dice el comentario.',
  },
  openReply: { en: 'Open the reply to send it', es: 'Abrir la respuesta para enviarla' },
  previewAfter: {
    en: 'Gmail opens the reply with this text; press Send there. Nothing is sent until you do.',
    es: 'Gmail abre la respuesta con este texto; pulse Enviar allí. No se envía nada hasta entonces.',
  },
  commentTooLong: {
    en: 'The comment has {count} characters; the limit is {max}. Please shorten it.',
    es: 'El comentario tiene {count} caracteres; el límite es {max}. Por favor, acórtelo.',
  },
  notOursTitle: { en: 'Not an AI Plan request', es: 'No es una solicitud de AI Plan' },
  notOurs: {
    en: 'This card answers AI Plan approval requests addressed to you. This email is not one, so there is nothing to do here.',
    es: 'Esta tarjeta responde a solicitudes de aprobación de AI Plan dirigidas a usted. Este correo no lo es, así que aquí no hay nada que hacer.',
  },
  notAddressed: {
    en: 'This request is addressed to someone else; only they can answer it.',
    es: 'Esta solicitud está dirigida a otra persona; solo ella puede responderla.',
  },
  requestGone: {
    en: 'This email can no longer be read. Open it again to answer.',
    es: 'Ya no se puede leer este correo. Ábralo de nuevo para responder.',
  },
} as const satisfies Catalogue;
