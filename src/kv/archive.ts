/**
 * @module The date archive's records from KV (written by src/store/archive-days.ts): one read a
 * page, kept in isolate memory and the data center's cache like every record.
 */
import { ok } from "../result";
import { ArchiveDayRecord, ArchiveMonthRecord, ArchiveMonthsRecord } from "../schemas/archive";
import { Headline } from "../schemas/article";
import type { KvSource } from "./colo-cache";
import { keys } from "./keys";
import { RecordMemory } from "./memory";
import { type KvRead, parseEntries, parseRecord } from "./read";

/** A day's record with its entries checked: one bad entry costs only itself. */
export type ArchiveDay = Omit<ArchiveDayRecord, "headlines"> & { headlines: Headline[] };
export type ArchiveMonth = ArchiveMonthRecord;
export type ArchiveMonths = ArchiveMonthsRecord;

const days = new RecordMemory<ArchiveDay>(64);
const months = new RecordMemory<ArchiveMonth>(32);
const monthList = new RecordMemory<ArchiveMonths>(1);

/** `day`'s record (`YYYY-MM-DD`); `kv.missing` when the day has no articles. */
export function readArchiveDay(source: KvSource, day: string, nowMs: number): Promise<KvRead<ArchiveDay>> {
	const key = keys.archiveDay(day);
	return days.read(source, key, nowMs, (raw) => {
		const record = parseRecord(key, raw, ArchiveDayRecord);
		if (!record.ok) return record;
		return ok({ ...record.value, headlines: parseEntries(key, record.value.headlines, Headline) });
	});
}

/** `month`'s record (`YYYY-MM`); `kv.missing` when the month has no articles. */
export function readArchiveMonth(source: KvSource, month: string, nowMs: number): Promise<KvRead<ArchiveMonth>> {
	const key = keys.archiveMonth(month);
	return months.read(source, key, nowMs, (raw) => parseRecord(key, raw, ArchiveMonthRecord));
}

/** Every month that has articles; `kv.missing` before the first one. */
export function readArchiveMonths(source: KvSource, nowMs: number): Promise<KvRead<ArchiveMonths>> {
	return monthList.read(source, keys.archiveMonths, nowMs, (raw) =>
		parseRecord(keys.archiveMonths, raw, ArchiveMonthsRecord),
	);
}

/** Drops the archive records held in memory (tests that write KV directly). */
export function forgetArchive(): void {
	days.forget();
	months.forget();
	monthList.forget();
}
