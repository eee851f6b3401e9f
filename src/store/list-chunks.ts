/**
 * @module The paged lists behind the home page's and each section's older pages, derived from the
 * articles table (derived-keys.ts), so that every public article stays reachable at two KV reads a
 * page however large the archive grows.
 *
 * A list (`home`, or `s:<section slug>`) is cut into chunks of about 100–200 headlines in the index's
 * order (newest first, then slug). Each chunk is named by its lower bound, the oldest position it
 * may hold, kept in `list_chunks`; the bounds only move when a chunk is split (past 200) or merged
 * (under 25), so a publish rewrites one chunk or two, never the list. A chunk's KV value holds its
 * headlines and the next 31 older ones, so any page that starts in it is served from it alone; the
 * list's directory (the bounds, newest first) finds the chunk for a cursor.
 */
import { keys } from "../kv/keys";
import { sectionSlug } from "../publishing/sections";
import type { Headline } from "../schemas/article";
import type { ListChunkRecord, ListDirectoryRecord } from "../schemas/list-chunks";
import { type DerivedProducer, type DerivedRow, markDirty, registerProducer } from "./derived-keys";
import { PUBLIC_ROW } from "./public-rows";

/** A chunk past this many headlines is split in two. */
export const CHUNK_MAX = 200;
/** A chunk under this many is merged into its older neighbour (the oldest into its newer one). */
export const CHUNK_MIN = 25;
/** Headlines after a chunk's own in its value: one more than a page, so a page knows if another follows. */
export const CHUNK_TAIL = 31;
/** No limit: a chunk's rows are bounded by its bounds. */
const UNBOUNDED = -1;
/** Chunk size when a list is first cut from rows already stored. */
const CHUNK_INITIAL = 150;

/** A position in the index's order; null is the bottom of the list (the oldest chunk's bound). */
type Bound = { ms: number; slug: string } | null;

export const HOME_LIST = "home";
export const sectionList = (slug: string) => `s:${slug}`;

function boundText(bound: Bound): string {
	return bound === null ? "first" : `${bound.ms}.${bound.slug}`;
}

function parseBound(text: string): Bound {
	if (text === "first") return null;
	const dot = text.indexOf(".");
	return { ms: Number(text.slice(0, dot)), slug: text.slice(dot + 1) };
}

/** The SQL condition and parameters of a list's rows: all public ones, or one section's. */
function listWhere(list: string, nowMs: number): { sql: string; params: (string | number)[] } {
	if (list === HOME_LIST) return { sql: PUBLIC_ROW, params: [nowMs] };
	return { sql: `${PUBLIC_ROW} AND section_slug = ?`, params: [nowMs, list.slice(2)] };
}

// Each starts with a plain range on published_at, redundant but the one SQLite can seek by: with the
// OR alone it walked the whole list's index on every call (O(archive) per changed row).
/** Not older than `bound` (at or newer than it, in the index's order); params: ms, ms, ms, slug. */
const AT_OR_NEWER = "(published_at >= ? AND (published_at > ? OR (published_at = ? AND slug <= ?)))";
/** Strictly older than `bound`; params: ms, ms, ms, slug. */
const OLDER = "(published_at <= ? AND (published_at < ? OR (published_at = ? AND slug > ?)))";

const MIGRATION_KEY = "list_chunks";

export function migrateListChunks(sql: SqlStorage): void {
	const done = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", MIGRATION_KEY).toArray()[0]?.v;
	if (done === "1") return;
	const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('articles')").toArray();
	if (!columns.some((c) => c.name === "section_slug")) sql.exec("ALTER TABLE articles ADD COLUMN section_slug TEXT");
	// Both in the lists' order (newest first, then slug), so a page of a list is a range, never a sort.
	sql.exec("CREATE INDEX IF NOT EXISTS articles_by_section ON articles (section_slug, published_at DESC, slug)");
	sql.exec("CREATE INDEX IF NOT EXISTS articles_list_order ON articles (status, published_at DESC, slug)");
	sql.exec(`CREATE TABLE IF NOT EXISTS list_chunks (
		list TEXT NOT NULL, lo_ms INTEGER NOT NULL, lo_slug TEXT NOT NULL, PRIMARY KEY (list, lo_ms, lo_slug)
	)`);
	const rows = sql.exec<{ slug: string; section: string | null }>(
		"SELECT slug, json_extract(json, '$.section') AS section FROM articles",
	);
	for (const row of rows) {
		sql.exec(
			"UPDATE articles SET section_slug = ? WHERE slug = ?",
			sectionSlug(row.section ?? undefined) ?? null,
			row.slug,
		);
	}
	// Cut every list from the rows already stored; each chunk and directory is written by the next flush.
	const lists = [
		HOME_LIST,
		...sql
			.exec<{ s: string }>("SELECT DISTINCT section_slug AS s FROM articles WHERE section_slug IS NOT NULL")
			.toArray()
			.map((r) => sectionList(r.s)),
	];
	for (const list of lists) cutList(sql, list);
	sql.exec("INSERT INTO meta (k, v) VALUES (?, '1') ON CONFLICT (k) DO UPDATE SET v = excluded.v", MIGRATION_KEY);
}

/** Bounds every `CHUNK_INITIAL` rows of `list`, oldest first, and all of its keys marked dirty. */
function cutList(sql: SqlStorage, list: string): void {
	const where = listWhere(list, Date.now());
	const rows = sql
		.exec<{ slug: string; ms: number }>(
			`SELECT slug, published_at AS ms FROM articles WHERE ${where.sql} ORDER BY published_at ASC, slug DESC`,
			...where.params,
		)
		.toArray();
	sql.exec("DELETE FROM list_chunks WHERE list = ?", list);
	for (let i = CHUNK_INITIAL; i < rows.length; i += CHUNK_INITIAL) {
		const row = rows[i] as { slug: string; ms: number };
		addBound(sql, list, { ms: row.ms, slug: row.slug });
	}
	for (const bound of bounds(sql, list)) markDirty(sql, keys.listChunk(list, boundText(bound)));
	markDirty(sql, keys.listDirectory(list));
}

function addBound(sql: SqlStorage, list: string, bound: { ms: number; slug: string }): void {
	sql.exec("INSERT OR IGNORE INTO list_chunks (list, lo_ms, lo_slug) VALUES (?, ?, ?)", list, bound.ms, bound.slug);
}

/** The list's chunk bounds, newest first, the bottom (null) last. */
function bounds(sql: SqlStorage, list: string): Bound[] {
	const stored = sql
		.exec<{ lo_ms: number; lo_slug: string }>(
			"SELECT lo_ms, lo_slug FROM list_chunks WHERE list = ? ORDER BY lo_ms DESC, lo_slug ASC",
			list,
		)
		.toArray()
		.map((b): Bound => ({ ms: b.lo_ms, slug: b.lo_slug }));
	return [...stored, null];
}

/** The chunk holding position `at`, and the bounds just newer than it (up to two). */
function chunkAt(sql: SqlStorage, list: string, at: { ms: number; slug: string }): { bound: Bound; newer: Bound[] } {
	const own = sql
		.exec<{ lo_ms: number; lo_slug: string }>(
			`SELECT lo_ms, lo_slug FROM list_chunks WHERE list = ? AND (lo_ms < ? OR (lo_ms = ? AND lo_slug >= ?))
			 ORDER BY lo_ms DESC, lo_slug ASC LIMIT 1`,
			list,
			at.ms,
			at.ms,
			at.slug,
		)
		.toArray()[0];
	const bound: Bound = own ? { ms: own.lo_ms, slug: own.lo_slug } : null;
	const newer = sql
		.exec<{ lo_ms: number; lo_slug: string }>(
			`SELECT lo_ms, lo_slug FROM list_chunks WHERE list = ? AND (lo_ms > ? OR (lo_ms = ? AND lo_slug < ?))
			 ORDER BY lo_ms ASC, lo_slug DESC LIMIT 2`,
			list,
			at.ms,
			at.ms,
			at.slug,
		)
		.toArray()
		.map((b): Bound => ({ ms: b.lo_ms, slug: b.lo_slug }));
	return { bound, newer };
}

/** The bound just newer than `bound` (the chunk's upper limit), if any. */
function upperOf(sql: SqlStorage, list: string, bound: Bound): Bound | undefined {
	const row = sql
		.exec<{ lo_ms: number; lo_slug: string }>(
			bound === null
				? "SELECT lo_ms, lo_slug FROM list_chunks WHERE list = ? ORDER BY lo_ms ASC, lo_slug DESC LIMIT 1"
				: `SELECT lo_ms, lo_slug FROM list_chunks WHERE list = ? AND (lo_ms > ? OR (lo_ms = ? AND lo_slug < ?))
				   ORDER BY lo_ms ASC, lo_slug DESC LIMIT 1`,
			...(bound === null ? [list] : [list, bound.ms, bound.ms, bound.slug]),
		)
		.toArray()[0];
	return row ? { ms: row.lo_ms, slug: row.lo_slug } : undefined;
}

/** The chunk's rows (newest first) at `nowMs`, at most `limit`. */
function chunkRows(
	sql: SqlStorage,
	list: string,
	bound: Bound,
	nowMs: number,
	limit: number,
): { headline: string; slug: string; ms: number }[] {
	const where = listWhere(list, nowMs);
	const conditions = [where.sql];
	const params: (string | number)[] = [...where.params];
	if (bound !== null) {
		conditions.push(AT_OR_NEWER);
		params.push(bound.ms, bound.ms, bound.ms, bound.slug);
	}
	const upper = upperOf(sql, list, bound);
	if (upper) {
		conditions.push(OLDER);
		params.push(upper.ms, upper.ms, upper.ms, upper.slug);
	}
	return sql
		.exec<{ headline: string; slug: string; ms: number }>(
			`SELECT headline, slug, published_at AS ms FROM articles WHERE ${conditions.join(" AND ")}
			 ORDER BY published_at DESC, slug ASC LIMIT ?`,
			...params,
			limit,
		)
		.toArray();
}

/** The `CHUNK_TAIL` rows just older than `bound`. */
function tailRows(sql: SqlStorage, list: string, bound: Bound, nowMs: number): string[] {
	if (bound === null) return [];
	const where = listWhere(list, nowMs);
	return sql
		.exec<{ headline: string }>(
			`SELECT headline FROM articles WHERE ${where.sql} AND ${OLDER} ORDER BY published_at DESC, slug ASC LIMIT ?`,
			...where.params,
			bound.ms,
			bound.ms,
			bound.ms,
			bound.slug,
			CHUNK_TAIL,
		)
		.toArray()
		.map((r) => r.headline);
}

/** After a row changed in `list`: split or merge its chunk when needed, and the keys to rewrite. */
function touchList(sql: SqlStorage, list: string, at: { ms: number; slug: string }): string[] {
	const nowMs = Date.now();
	const { bound, newer } = chunkAt(sql, list, at);
	const dirty = [bound, ...newer].map((b) => keys.listChunk(list, boundText(b)));
	let rows = chunkRows(sql, list, bound, nowMs, UNBOUNDED);
	if (rows.length > CHUNK_MAX) {
		// Cut into halves of at most CHUNK_MAX (one cut for a publish; several after a big batch).
		const parts = Math.ceil(rows.length / CHUNK_MAX);
		const size = Math.ceil(rows.length / parts);
		for (let i = size; i < rows.length; i += size) {
			const cut = rows[rows.length - i] as { slug: string; ms: number };
			addBound(sql, list, { ms: cut.ms, slug: cut.slug });
			dirty.push(keys.listChunk(list, boundText({ ms: cut.ms, slug: cut.slug })));
		}
		dirty.push(keys.listDirectory(list));
		rows = [];
	} else if (rows.length < CHUNK_MIN) {
		const merged = mergeAway(sql, list, bound);
		if (merged) dirty.push(...merged, keys.listDirectory(list));
	}
	return dirty;
}

/** Removes a small chunk's bound (its rows join the older chunk), or the newer chunk's bound for the bottom one. */
function mergeAway(sql: SqlStorage, list: string, bound: Bound): string[] | undefined {
	const removed = bound ?? upperOf(sql, list, null);
	if (!removed) return undefined; // the only chunk: nothing to merge with
	sql.exec("DELETE FROM list_chunks WHERE list = ? AND lo_ms = ? AND lo_slug = ?", list, removed.ms, removed.slug);
	const newerOfRemoved = upperOf(sql, list, removed);
	const keep = chunkAt(sql, list, removed).bound;
	return [
		keys.listChunk(list, boundText(removed)),
		keys.listChunk(list, boundText(keep)),
		...(newerOfRemoved ? [keys.listChunk(list, boundText(newerOfRemoved))] : []),
	];
}

function rowLists(row: DerivedRow): string[] {
	const slug = sectionSlug(row.section);
	return slug === undefined ? [HOME_LIST] : [HOME_LIST, sectionList(slug)];
}

function touched(sql: SqlStorage, before: DerivedRow | undefined, after: DerivedRow | undefined): string[] {
	migrateListChunks(sql);
	if (after)
		sql.exec("UPDATE articles SET section_slug = ? WHERE slug = ?", sectionSlug(after.section) ?? null, after.slug);
	const dirty = new Set<string>();
	for (const row of [before, after]) {
		if (!row) continue;
		const at = { ms: Date.parse(row.publishedAt), slug: row.slug };
		for (const list of rowLists(row)) {
			const known = sql.exec("SELECT 1 FROM list_chunks WHERE list = ? LIMIT 1", list).toArray().length > 0;
			if (!known) dirty.add(keys.listDirectory(list));
			for (const key of touchList(sql, list, at)) dirty.add(key);
		}
	}
	return [...dirty];
}

function compute(sql: SqlStorage, key: string, nowMs: number): string | null {
	migrateListChunks(sql);
	const parsed = keys.parseListKey(key);
	if (!parsed) return null;
	const { list, part } = parsed;
	if (part === "dir") {
		const all = bounds(sql, list);
		const hasRows = chunkRows(sql, list, null, nowMs, 1).length > 0 || all.length > 1;
		if (!hasRows) return null;
		return JSON.stringify({ chunks: all.map(boundText) } satisfies ListDirectoryRecord);
	}
	const bound = parseBound(part);
	if (bound !== null) {
		const exists = sql
			.exec("SELECT 1 FROM list_chunks WHERE list = ? AND lo_ms = ? AND lo_slug = ?", list, bound.ms, bound.slug)
			.toArray().length;
		if (!exists) return null;
	}
	const own = chunkRows(sql, list, bound, nowMs, UNBOUNDED).map((r) => JSON.parse(r.headline) as Headline);
	const tail = tailRows(sql, list, bound, nowMs).map((h) => JSON.parse(h) as Headline);
	return JSON.stringify({ lo: part, headlines: own, tail } satisfies ListChunkRecord);
}

export const listChunksProducer: DerivedProducer = { prefix: keys.listPrefix, touched, compute };

registerProducer(listChunksProducer);
