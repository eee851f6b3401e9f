/**
 * @module Keep and block rules (`/api/rules`, `/api/sources/:id/rules`), their dry run
 * (`POST /api/sources/:id/rules/test`) and the review queue (`/api/review`): the routes validate
 * with these and the OpenAPI document is generated from them.
 */
import * as v from "valibot";
import { IsoDateTime, Slug } from "./common";
import { LimitParam } from "./paging";

/** Longer than any real rule; a bound on what is stored and compiled. */
export const MAX_RULE_VALUE_LENGTH = 500;

/** The global set; a source's own set is smaller, since every item of that source is checked against both. */
export const MAX_GLOBAL_RULES = 100;
export const MAX_SOURCE_RULES = 50;

export const RuleAction = v.picklist(["keep", "block"], 'must be "keep" or "block"');
export type RuleAction = v.InferOutput<typeof RuleAction>;

/** What a rule reads: `content` is the item's text with its HTML stripped (the first 64 KiB). */
export const RuleField = v.picklist(
	["title", "link", "author", "categories", "content"],
	'must be one of "title", "link", "author", "categories", "content"',
);
export type RuleField = v.InferOutput<typeof RuleField>;

/** `phrase`: a case-insensitive substring; `pattern`: RE2 syntax, linear time, also case-insensitive. */
export const RuleKind = v.picklist(["phrase", "pattern"], 'must be "phrase" or "pattern"');
export type RuleKind = v.InferOutput<typeof RuleKind>;

const RuleValue = v.pipe(
	v.string(),
	v.minLength(1, "must not be empty"),
	v.maxLength(MAX_RULE_VALUE_LENGTH, `must be at most ${MAX_RULE_VALUE_LENGTH} characters`),
	v.check((value) => value.trim() !== "", "must not be blank"),
	// The sources desk shows a set as one rule a line (src/sources/rule-lines.ts): a value with a line
	// break, or spaces at either end, would not come back from its textarea as it went in.
	v.check((value) => !/[\r\n\u2028\u2029]/.test(value), "must be on one line"),
	v.check((value) => value.trim() === value, "must not start or end with spaces"),
);

/**
 * One rule as an editor sends it. Its pattern is compiled where the rules are stored (the
 * StoreWriter, src/rules/compile.ts), and one re2js refuses is a 400 naming the rule's `value`:
 * compiling 100 patterns costs more CPU than a free-plan request has.
 */
export const RuleInput = v.strictObject({ action: RuleAction, field: RuleField, kind: RuleKind, value: RuleValue });
export type RuleInput = v.InferOutput<typeof RuleInput>;

const rulesInput = (max: number) =>
	v.strictObject({
		rules: v.pipe(v.array(RuleInput), v.maxLength(max, `must have at most ${max} rules`)),
	});

/** `PUT /api/rules`: the whole global set, replacing the previous one. */
export const GlobalRulesInput = rulesInput(MAX_GLOBAL_RULES);
/** `PUT /api/sources/:id/rules` and the dry run's body: one source's whole set. */
export const SourceRulesInput = rulesInput(MAX_SOURCE_RULES);
export type RulesInput = v.InferOutput<typeof GlobalRulesInput>;

/** A stored rule: its id stays while the same rule is saved again. */
export const Rule = v.object({
	id: v.pipe(v.number(), v.integer(), v.minValue(1)),
	action: RuleAction,
	field: RuleField,
	kind: RuleKind,
	value: v.string(),
	createdAt: IsoDateTime,
});
export type Rule = v.InferOutput<typeof Rule>;

export const GlobalRules = v.object({ rules: v.array(Rule) });
export type GlobalRules = v.InferOutput<typeof GlobalRules>;

export const SourceRules = v.object({ sourceId: Slug, rules: v.array(Rule) });
export type SourceRules = v.InferOutput<typeof SourceRules>;

/** Where a rule is kept. */
export const RuleScope = v.picklist(["global", "source"]);
export type RuleScope = v.InferOutput<typeof RuleScope>;

/** The rule that decided an item: `id` is null for a rule in a dry run's proposed set, not stored yet. */
export const MatchedRule = v.object({
	scope: RuleScope,
	id: v.nullable(v.number()),
	action: RuleAction,
	field: RuleField,
	kind: RuleKind,
	value: v.string(),
});
export type MatchedRule = v.InferOutput<typeof MatchedRule>;

/**
 * What becomes of a new item: published (`kept`), or waiting in the review queue because a rule
 * blocked it (`blocked`) or its source holds new items for an editor (`held`).
 */
export const ScreenOutcome = v.picklist(["kept", "blocked", "held"]);
export type ScreenOutcome = v.InferOutput<typeof ScreenOutcome>;

export const DryRunItem = v.object({
	title: v.string(),
	link: v.string(),
	outcome: ScreenOutcome,
	/** The block rule that matched, or for a kept item the keep rule that did; absent otherwise. */
	rule: v.optional(MatchedRule),
	/** Why, in words, when no rule says it: no keep rule matched, the source holds items, the matching budget ran out. */
	note: v.optional(v.string()),
});
export type DryRunItem = v.InferOutput<typeof DryRunItem>;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const DryRunResponse = v.object({
	sourceId: Slug,
	/** When those items were fetched; null when none are stored (never fetched, or its feed was empty), and `items` is empty. */
	fetchedAt: v.nullable(IsoDateTime),
	items: v.array(DryRunItem),
	counts: v.object({ kept: Count, blocked: Count, held: Count }),
});
export type DryRunResponse = v.InferOutput<typeof DryRunResponse>;

/** Why an item waits in the review queue. */
export const ReviewReason = v.picklist(["held", "blocked"]);
export type ReviewReason = v.InferOutput<typeof ReviewReason>;

export const ReviewItem = v.object({
	id: v.pipe(v.number(), v.integer(), v.minValue(1)),
	sourceId: Slug,
	/** The item's key within its source: its guid/id, else its link. */
	itemKey: v.string(),
	title: v.string(),
	link: v.string(),
	publishedAt: IsoDateTime,
	reason: ReviewReason,
	rule: v.optional(MatchedRule),
	note: v.optional(v.string()),
	queuedAt: IsoDateTime,
});
export type ReviewItem = v.InferOutput<typeof ReviewItem>;

export const ReviewList = v.object({
	items: v.array(ReviewItem),
	/** The `cursor` of the next (older) page; absent on the last. */
	next: v.optional(v.string()),
});
export type ReviewList = v.InferOutput<typeof ReviewList>;

const CURSOR_RULE = "must be a `next` value from an earlier answer";

export const DEFAULT_REVIEW_LIMIT = 20;

/** Strict: a misspelt parameter is a 400 naming it. The cursor is the last id shown (ids only grow). */
export const ReviewQuery = v.strictObject({
	limit: LimitParam(100, DEFAULT_REVIEW_LIMIT),
	cursor: v.optional(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,14}$/, CURSOR_RULE), v.transform(Number))),
});
export type ReviewQuery = v.InferOutput<typeof ReviewQuery>;

/** `/api/review/:id/…`: a positive whole number, as the list shows it. */
export const ReviewParam = v.object({
	id: v.pipe(
		v.string(),
		v.regex(/^[1-9][0-9]{0,14}$/, "must be a review item id: a whole number from 1"),
		v.transform(Number),
	),
});

/** What approving answers: the article the item became. */
export const ReviewApproved = v.object({ id: v.number(), slug: Slug, url: v.string() });
export type ReviewApproved = v.InferOutput<typeof ReviewApproved>;
