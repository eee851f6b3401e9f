import { describe, expect, it } from "vitest";
import { RunBudget } from "./budget";

const deferred = (reason: string) => ({ kind: "deferred", reason });

describe("RunBudget", () => {
	it("Should grant fetch hops until only the commit call's slot is left", () => {
		const budget = new RunBudget({ subrequestBudget: 4, parseBytesPerRun: 1024 });
		budget.countStoreCall();
		expect([budget.claimSubrequest(), budget.claimSubrequest()]).toEqual([null, null]);
		expect(budget.claimSubrequest()).toEqual(deferred("subrequest_budget"));
		budget.countStoreCall();
		expect(budget.subrequests).toBe(4);
	});

	it("Should hold back a slot for each of the run's commits, and give one back as each is made", () => {
		const budget = new RunBudget({ subrequestBudget: 5, parseBytesPerRun: 1024 });
		budget.countStoreCall();
		budget.reserveCommits(3);
		expect([budget.claimSubrequest(), budget.claimSubrequest()]).toEqual([null, deferred("subrequest_budget")]);
		budget.countCommit();
		budget.countCommit();
		budget.countCommit();
		expect(budget.subrequests).toBe(5);
	});

	it("Should count the first body like any other, and refuse one larger than a whole run's budget", () => {
		const budget = new RunBudget({ subrequestBudget: 45, parseBytesPerRun: 1000 });
		expect(budget.bodyClaim().admit(5000)).toEqual({
			kind: "refused",
			detail: "5000 bytes to parse; a run parses at most 1000",
		});
		expect(budget.bodyClaim().settle(1001)).toEqual({
			kind: "refused",
			detail: "1001 bytes to parse; a run parses at most 1000",
		});
		expect(budget.parsedBytes).toBe(0);
		expect(budget.bodyClaim().admit(800)).toBeNull();
		expect(budget.bodyClaim().admit(300)).toEqual(deferred("parse_budget"));
	});

	it("Should claim a body's decoded size when it is read, whatever it declared, and never pass the budget", () => {
		const budget = new RunBudget({ subrequestBudget: 45, parseBytesPerRun: 1000 });
		// A gzip body declares no decoded size (null); it is claimed at its decoded size once read.
		const gzip = budget.bodyClaim();
		expect(gzip.admit(null)).toBeNull();
		expect(gzip.settle(900)).toBeNull();
		expect(budget.bodyClaim().settle(200)).toEqual(deferred("parse_budget"));
		expect(budget.parsedBytes).toBe(900);
	});

	it("Should reserve a declared body's length while it downloads, and settle it at the size read", () => {
		const budget = new RunBudget({ subrequestBudget: 45, parseBytesPerRun: 1000 });
		const declared = budget.bodyClaim();
		expect(declared.admit(600)).toBeNull();
		// While it downloads, another body cannot take the 600 bytes it holds.
		expect(budget.bodyClaim().admit(500)).toEqual(deferred("parse_budget"));
		expect(declared.settle(500)).toBeNull();
		expect(budget.parsedBytes).toBe(500);
		expect(budget.bodyClaim().admit(500)).toBeNull();
	});

	it("Should claim an undeclared body when it is read, and charge a declared one what it ran over", () => {
		const budget = new RunBudget({ subrequestBudget: 45, parseBytesPerRun: 1000 });
		const undeclared = budget.bodyClaim();
		expect(undeclared.admit(null)).toBeNull();
		expect(budget.parsedBytes).toBe(0);
		expect(undeclared.settle(300)).toBeNull();
		const declared = budget.bodyClaim();
		expect(declared.admit(200)).toBeNull();
		expect(declared.settle(250)).toBeNull();
		expect(budget.parsedBytes).toBe(550);
		expect(budget.bodyClaim().settle(600)).toEqual(deferred("parse_budget"));
		expect(budget.parsedBytes).toBe(550);
	});

	it("Should defer an undeclared body before it is read once the parse budget is spent", () => {
		const budget = new RunBudget({ subrequestBudget: 45, parseBytesPerRun: 100 });
		expect(budget.bodyClaim().settle(100)).toBeNull();
		expect(budget.bodyClaim().admit(null)).toEqual(deferred("parse_budget"));
	});
});
