// The realm's roles as a person reads them (deploy/keycloak's realm file names them for machines).
export const ROLE_NAMES = {
  personnel: 'Personnel de l\'académie',
  enseignant: 'Enseignant',
  'gestionnaire-rh': 'Gestionnaire RH',
  'chef-etablissement': 'Chef d\'établissement',
  inspecteur: 'Inspecteur',
  'admin-academique': 'Administrateur académique',
};

/** The profiles that sign in with a second factor (the realm's OTP rule). */
export const SENSITIVE_ROLES = ['gestionnaire-rh', 'chef-etablissement', 'inspecteur', 'admin-academique'];

export const roleName = (role) => ROLE_NAMES[role] || role;
