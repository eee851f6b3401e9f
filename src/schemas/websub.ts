/** @module What a WebSub hub sends to our callback (WebSub §5.3 verification and denial, §7 content): checked before anything is looked up. */
import * as v from "valibot";

/** `/websub/:id`: the 128-bit callback id, lowercase hex; anything else is an unknown callback. */
export const CallbackParam = v.object({ id: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, "unknown callback")) });

/** The verification GET's query. `denied` carries a reason instead of a challenge (WebSub §5.2). */
export const VerificationQuery = v.object({
	"hub.mode": v.picklist(["subscribe", "unsubscribe", "denied"], "must be subscribe, unsubscribe or denied"),
	"hub.topic": v.pipe(
		v.string(),
		v.minLength(1, "must not be empty"),
		v.maxLength(2048, "must be at most 2048 characters"),
	),
	"hub.challenge": v.optional(
		v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(1024, "must be at most 1024 characters")),
	),
	"hub.lease_seconds": v.optional(
		v.pipe(v.string(), v.regex(/^\d{1,10}$/, "must be a whole number of seconds"), v.transform(Number)),
	),
	"hub.reason": v.optional(v.pipe(v.string(), v.maxLength(1024, "must be at most 1024 characters"))),
});
export type VerificationQuery = v.InferOutput<typeof VerificationQuery>;
