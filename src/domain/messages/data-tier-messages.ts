import type { Catalogue } from './catalogue';

/**
 * The rule staff follow at each data tier, as the approval email quotes it to an approver. Declared
 * here once (src/domain/workflow-profile.ts points at it), in both languages, so the email states the
 * tier's own rule and never a fixed claim about what data the tool sees.
 */
export const dataTierMessages = {
  'rule.Green': {
    en: 'Only information the district has already published (website, approved FAQs, board minutes) goes into the tool. Student directory information is not public data: it is the Red tier.',
    es: 'Solo entra en la herramienta información que el distrito ya ha publicado (sitio web, preguntas frecuentes aprobadas, actas de la junta). La información de directorio de los estudiantes no es un dato público: pertenece al nivel Rojo.',
  },
  'rule.Yellow': {
    en: 'Internal, unpublished district information that names no student, parent or staff member (procedures, drafts, counts) may go into a district-approved tool; nothing that identifies a person.',
    es: 'La información interna y no publicada del distrito que no nombra a ningún estudiante, padre, madre o miembro del personal del distrito (procedimientos, borradores, recuentos) puede entrar en una herramienta aprobada por el distrito; nada que identifique a una persona.',
  },
  'rule.Amber': {
    en: 'Information that identifies a staff member, parent or guardian (names, email addresses, phone numbers, their own messages, staff sign-in data) goes only into a tool under a signed data-privacy agreement. Inbound text is redacted first: every student name, ID number, birth date, grade-and-school detail, and health, disability, discipline or immigration detail is replaced by [student] before it enters the tool; text that cannot be redacted is Red.',
    es: 'La información que identifica a un miembro del personal del distrito, a un padre, una madre o un tutor (nombres, direcciones de correo electrónico, teléfonos, sus propios mensajes, datos de inicio de sesión del personal) solo entra en una herramienta cubierta por un acuerdo de privacidad de datos firmado. El texto recibido se depura primero: todo nombre, número de identificación, fecha de nacimiento, dato de grado y escuela, y todo dato de salud, discapacidad, disciplina o situación migratoria de un estudiante se sustituye por [estudiante] antes de entrar en la herramienta; el texto que no se puede depurar es de nivel Rojo.',
  },
  'rule.Red': {
    en: 'Records directly related to an identifiable student and kept by the district, including directory information and a parent’s message that names or identifies a child, never go into the tool in a first pilot.',
    es: 'Los expedientes directamente relacionados con un estudiante identificable que el distrito conserva, incluida la información de directorio y el mensaje de un padre o una madre que nombra o identifica a un niño, nunca entran en la herramienta en un primer piloto.',
  },
} as const satisfies Catalogue;
