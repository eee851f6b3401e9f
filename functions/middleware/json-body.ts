/** @module Reads a JSON request body under a size cap and validates it with valibot. */
import { createMiddleware } from "hono/factory";
import * as v from "valibot";
import type { AppEnv } from "../../src/env";
import { ApiError, type ApiIssue } from "../errors";

/** 1 MiB: far above any article, far below what would strain a Worker's memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** valibot issues as the API reports them: a dotted path and a message. */
export function toApiIssues(issues: readonly v.BaseIssue<unknown>[]): ApiIssue[] {
	return issues.map((issue) => ({ path: v.getDotPath(issue) ?? "", message: issue.message }));
}

async function readCapped(request: Request): Promise<string> {
	const declared = Number(request.headers.get("content-length"));
	if (declared > MAX_BODY_BYTES) throw new ApiError(413, `body exceeds ${MAX_BODY_BYTES} bytes`);
	if (!request.body) return "";
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > MAX_BODY_BYTES) {
			await reader.cancel();
			throw new ApiError(413, `body exceeds ${MAX_BODY_BYTES} bytes`);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	try {
		return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw new ApiError(400, "body is not valid UTF-8");
	}
}

/** Validates the body against `schema` and stores the output as `c.var.body`. */
export function jsonBody<S extends v.GenericSchema>(schema: S) {
	return createMiddleware<AppEnv & { Variables: { body: v.InferOutput<S> } }>(async (c, next) => {
		const type = c.req.header("content-type") ?? "";
		if (!/^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type)) {
			throw new ApiError(415, "content type must be application/json");
		}
		const text = await readCapped(c.req.raw);
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch (error) {
			throw new ApiError(400, `malformed JSON: ${(error as Error).message}`);
		}
		const parsed = v.safeParse(schema, json);
		if (!parsed.success) throw new ApiError(400, "invalid request body", toApiIssues(parsed.issues));
		c.set("body", parsed.output);
		await next();
	});
}
