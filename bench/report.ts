/** @module Summaries over rounds and the tables the bench prints (Markdown, so they paste into docs). */
import { cpus, release, totalmem } from "node:os";

export type Spread = { median: number; min: number; max: number };

export function spread(values: number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	const median =
		sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
	return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

export function fmt(value: number, digits = 2): string {
	return value >= 1000 ? Math.round(value).toLocaleString("en-US") : value.toFixed(digits);
}

/** `median (min–max)`. */
export function showSpread(s: Spread, digits = 2): string {
	return `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
}

export function table(header: string[], rows: string[][]): string {
	const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
	return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** One line naming the machine, so a pasted table says where it was made. */
export function machine(extra: string[] = []): string {
	const cpu = cpus();
	return [
		`${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}`,
		`${Math.round(totalmem() / 2 ** 30)} GiB`,
		`Linux ${release()}`,
		`Node ${process.version}`,
		...extra,
	].join(", ");
}
