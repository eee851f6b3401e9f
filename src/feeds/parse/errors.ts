/** @module The parse stage's failures as values, each with a stable `parse.*` code (the fetch stage's twin). */
import type { StageError } from "../../schemas/source";

export type ParseErrorCode =
	| "parse.too_large"
	/** Larger, decoded, than a whole run's parse budget: no run could parse it (the refresh's CPU budget). */
	| "parse.too_costly"
	| "parse.empty"
	| "parse.not_a_feed"
	| "parse.unknown_format"
	| "parse.malformed"
	/** A bug of ours while parsing, caught so one feed never fails a run. */
	| "parse.internal";

export type ParseError = StageError & { stage: "parse"; code: ParseErrorCode };

export function parseError(code: ParseErrorCode, detail: string): ParseError {
	return { stage: "parse", code, detail };
}
