/** @module The query of `POST /api/refresh`, which the route validates and the OpenAPI document describes. */
import * as v from "valibot";
import { Slug } from "./common";

export const RefreshQuery = v.object({
	force: v.optional(
		v.pipe(
			v.picklist(["true", "false"], "must be true or false"),
			v.description("`true`: every source counts as due (still within the run's budget)."),
		),
	),
	source: v.optional(
		v.pipe(
			Slug,
			v.description("Only this source, due or not (a paused source is still never fetched); 404 when there is none."),
		),
	),
});
