/** @module The one formatter that turns valibot issues into what the API, logs and health show. */
import * as v from "valibot";

/** One problem with an input, by its dotted path ("" for the root). */
export type Issue = { path: string; message: string };

/** Every issue, as the API's `issues` array reports them. */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[]): Issue[] {
	return issues.map((issue) => ({ path: v.getDotPath(issue) ?? "", message: issue.message }));
}

/** The first issue as one line, `path: message` (`(root)` for the root), for logs and stored errors. */
export function describeIssue(issues: readonly v.BaseIssue<unknown>[]): string {
	const first = issues[0];
	if (first === undefined) return "(root): invalid";
	return `${v.getDotPath(first) ?? "(root)"}: ${first.message}`;
}
