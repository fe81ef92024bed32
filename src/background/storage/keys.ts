/** Keys in `meta` that more than one module reads. */

/**
 * Key in `meta` of a Graph API connection the admin chose to remember (JSON, token included). It is
 * kept here rather than in `storage.local`, which content scripts can read, and no export includes it.
 */
export const GRAPH_CONNECTION_KEY = 'graphConnection';
/** Key in `meta` of the teams the admin asked this browser to remember (JSON, credentials included). */
export const TEAM_MEMBERSHIPS_KEY = 'teamMemberships';
/** Key in `meta` of the random salt that forgotten fans' ids are hashed with. */
export const FAN_SALT_KEY = 'fanSalt';
