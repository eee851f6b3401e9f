/** @module The query of `POST /api/refresh`, which the route validates and the OpenAPI document describes. */
import * as v from "valibot";

export const RefreshQuery = v.object({
	force: v.optional(
		v.pipe(
			v.picklist(["true", "false"], "must be true or false"),
			v.description("`true`: every source counts as due (still within the run's budget)."),
		),
	),
});
