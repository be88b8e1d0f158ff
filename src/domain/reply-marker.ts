/**
 * The line the approval email puts above its content. Everything an approver types above it is their
 * reply; the reader cuts there first, before any other stripping. It names itself in English and
 * Spanish so approvers know not to write below it.
 */
export const replyMarker = '##- Reply above this line / Responda encima de esta línea -##';

/** The words the reader looks for, so a client that rewraps or re-quotes the line is still recognised. */
export const replyMarkerWords = ['reply above this line', 'responda encima de esta línea'] as const;
