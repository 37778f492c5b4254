import { PERSON_ROLES, type PersonRole } from '../../shared/ipc/review-schemas';
import type { Translate } from './locale-context';

function isPersonRole(role: string): role is PersonRole {
  return (PERSON_ROLES as readonly string[]).includes(role);
}

/**
 * A council role (chair, member, secretary, auditor) in the current language. A role this
 * version does not know, as a file made elsewhere may carry, is shown as written.
 */
export function roleLabel(t: Translate, role: string): string {
  return isPersonRole(role) ? t(`app.role.${role}`) : role;
}
