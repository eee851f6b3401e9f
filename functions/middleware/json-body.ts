/**
 * @module Transitional: `toApiIssues` is `formatIssues` (src/schemas/issues.ts) under its old name,
 * kept only until functions/headlines.ts stops importing it; then delete this file. JSON bodies
 * now go through `jsonRequest` (json-request.ts) and `validate("json", …)`.
 */
export { formatIssues as toApiIssues } from "../../src/schemas/issues";
