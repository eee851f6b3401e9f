/** @module Which StoreWriters set an alarm since the last settle (the strict StoreWriter notes itself here). */
const alarmed = new Set<string>();

export function noteAlarmSet(id: string): void {
	alarmed.add(id);
}

/** The ids noted so far, forgotten as they are taken. */
export function takeAlarmed(): string[] {
	const ids = [...alarmed];
	alarmed.clear();
	return ids;
}
