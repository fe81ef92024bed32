import { validateDocUpdate } from './validate-doc-update';

/** Version of the team documents' shapes; the server's rules refuse writes of any other. */
export const TEAM_SCHEMA = 2;
export const DESIGN_DOCUMENT_ID = '_design/page-outreach';

/**
 * The design document that puts the team's write rules on the server. The rules travel as their own
 * source text: CouchDB runs them, the extension never does.
 */
export function teamDesignDocument() {
  return {
    _id: DESIGN_DOCUMENT_ID,
    schema: TEAM_SCHEMA,
    validate_doc_update: validateDocUpdate.toString(),
  };
}
