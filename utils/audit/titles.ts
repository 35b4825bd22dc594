/** Check id → its title key, for pages showing results they received as messages. */
import { CHECKS } from './checks/index';

export const CHECK_TITLES: Readonly<Record<string, string>> = Object.fromEntries(CHECKS.map((check) => [check.id, check.title]));
