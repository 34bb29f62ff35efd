// The words of the rule editor: what each condition and action is called, which comparisons each condition
// takes, and a rule said as one French sentence.

export const FIELDS = {
  FROM: { name: 'Expéditeur', operators: ['CONTAINS', 'NOT_CONTAINS', 'IS'], value: 'texte' },
  TO_CC: { name: 'Destinataires (À, Cc)', operators: ['CONTAINS', 'NOT_CONTAINS', 'IS'], value: 'texte' },
  SUBJECT: { name: 'Objet', operators: ['CONTAINS', 'NOT_CONTAINS', 'IS'], value: 'texte' },
  LIST: { name: 'Liste de diffusion (List-Id)', operators: ['CONTAINS', 'NOT_CONTAINS', 'IS'], value: 'liste' },
  ATTACHMENT: { name: 'A une pièce jointe', operators: [], value: null },
  ATTACHMENT_TYPE: { name: 'A une pièce jointe de type', operators: [], value: 'type' },
  SIZE: { name: 'Taille', operators: ['OVER', 'UNDER'], value: 'ko' },
  AUTHENTICATION: { name: 'Authentification de l\'expéditeur', operators: ['PASSES', 'FAILS'], value: null },
  PORTAL: { name: 'Message du portail (Colibris, I-Prof)', operators: [], value: null },
};

export const OPERATORS = {
  CONTAINS: 'contient', NOT_CONTAINS: 'ne contient pas', IS: 'est exactement',
  OVER: 'plus de', UNDER: 'moins de', PASSES: 'réussie', FAILS: 'échouée',
};

export const KINDS = {
  MOVE: { name: 'Classer dans le dossier', value: 'dossier' },
  LABEL: { name: 'Mettre l\'étiquette', value: 'etiquette' },
  MARK_READ: { name: 'Marquer comme lu', value: null },
  FLAG: { name: 'Suivre', value: null },
  STOP: { name: 'Ne pas appliquer les règles suivantes', value: null },
  FORWARD: { name: 'Transférer à', value: 'adresse' },
  RENAME_PDF: { name: 'Renommer les PDF joints', value: 'modele' },
};

/** The pattern a new "Renommer les PDF joints" starts with (README, "Rules": {date}, {expéditeur}, {nom}). */
export const RENAME_PATTERN = '{date}_{expéditeur}_{nom}';

/** A new condition of that field, with its first comparison. */
export function condition(field, value = '') {
  const operators = FIELDS[field].operators;
  return { field, operator: operators.length ? operators[0] : null, value: FIELDS[field].value ? value : null };
}

function saidCondition(c) {
  const field = FIELDS[c.field];
  switch (c.field) {
    case 'ATTACHMENT': case 'PORTAL': return field.name.toLowerCase();
    case 'ATTACHMENT_TYPE': return 'a une pièce jointe de type « ' + c.value + ' »';
    case 'SIZE': return 'la taille est de ' + OPERATORS[c.operator] + ' ' + c.value + ' Ko';
    case 'AUTHENTICATION': return 'l\'authentification de l\'expéditeur est ' + OPERATORS[c.operator];
    case 'LIST': if (!c.value) { return 'vient d\'une liste de diffusion'; } // falls through
    default: return field.name.toLowerCase() + ' ' + OPERATORS[c.operator] + ' « ' + c.value + ' »';
  }
}

function saidAction(a) {
  switch (a.kind) {
    case 'MOVE': return 'classer dans « ' + a.value + ' »';
    case 'LABEL': return 'mettre l\'étiquette « ' + a.value + ' »';
    case 'RENAME_PDF': return 'renommer les PDF joints « ' + a.value + ' »';
    case 'FORWARD': return 'transférer à ' + (a.value || '…') + (a.copy === false ? ' sans en garder de copie' : '');
    default: return KINDS[a.kind].name.toLowerCase();
  }
}

/** "Si l'expéditeur contient « @x » et …, classer dans « Fiscalité »." */
export function sentence(rule) {
  const conditions = rule.conditions.map(saidCondition);
  const when = conditions.length === 0 ? 'Pour tous les messages'
    : 'Si ' + conditions.join(rule.match === 'ANY' ? ' ou ' : ' et ');
  const what = rule.actions.map(saidAction).join(', ');
  return when + ' : ' + what + '.';
}
