/** @module Reads a response body into bytes under a size cap, enforced while streaming. */
import { err, ok, type Result } from "../../result";

/** Why a body was not read whole; the fetch stage turns each into its `fetch.*` code. */
export type BodyReadError = { reason: "too_large" | "aborted" | "broken"; detail: string };

export type BodyRead = Result<Uint8Array, BodyReadError>;

/**
 * Stops at `maxBytes` without buffering the rest, so an endless or huge body costs at most
 * `maxBytes` of memory (a Worker has 128 MB). A declared Content-Length over the cap is refused
 * before reading a byte. Aborting `signal` (the fetch timeout) cancels a read in progress.
 */
export async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<BodyRead> {
	const declared = Number(response.headers.get("content-length"));
	if (declared > maxBytes) {
		await response.body?.cancel().catch(() => undefined);
		return err({ reason: "too_large", detail: `Content-Length ${declared} exceeds ${maxBytes} bytes` });
	}
	if (!response.body) return ok(new Uint8Array(0));
	const reader = response.body.getReader();
	const onAbort = () => void reader.cancel(signal.reason).catch(() => undefined);
	signal.addEventListener("abort", onAbort, { once: true });
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (signal.aborted) return err({ reason: "aborted", detail: `body not complete after ${size} bytes` });
			if (done) break;
			size += value.byteLength;
			if (size > maxBytes) {
				await reader.cancel().catch(() => undefined);
				return err({ reason: "too_large", detail: `body exceeds ${maxBytes} bytes` });
			}
			chunks.push(value);
		}
	} catch (error) {
		if (signal.aborted) return err({ reason: "aborted", detail: `body not complete after ${size} bytes` });
		return err({ reason: "broken", detail: `body read failed after ${size} bytes: ${String(error)}` });
	} finally {
		signal.removeEventListener("abort", onAbort);
	}
	return ok(concat(chunks, size));
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}
