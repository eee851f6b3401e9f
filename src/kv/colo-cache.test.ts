import { describe, expect, it } from "vitest";
import { coloRead, coloWrite } from "./colo-cache";

describe("the data center's cache of KV records", () => {
	it("Should give a copy back only to reads of the namespace it came from", async () => {
		await coloWrite("namespace-a", "v1:headlines", "from a");
		await coloWrite("namespace-b", "v1:headlines", "from b");
		expect(await coloRead("namespace-a", "v1:headlines")).toBe("from a");
		expect(await coloRead("namespace-b", "v1:headlines")).toBe("from b");
		expect(await coloRead("namespace-c", "v1:headlines")).toBeNull();
	});

	it("Should neither keep nor give a copy when no namespace id is configured", async () => {
		await coloWrite(undefined, "v1:article:unscoped", "anything");
		await coloWrite("", "v1:article:unscoped", "anything");
		expect(await coloRead(undefined, "v1:article:unscoped")).toBeNull();
		expect(await coloRead("", "v1:article:unscoped")).toBeNull();
	});
});
