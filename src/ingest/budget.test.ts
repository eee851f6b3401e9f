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

	it("Should take the first body whatever its size, and defer the next one that would overrun", () => {
		const budget = new RunBudget({ subrequestBudget: 45, parseBytesPerRun: 1000 });
		expect(budget.bodyClaim().admit(5000)).toBeNull();
		expect(budget.bodyClaim().admit(10)).toEqual(deferred("parse_budget"));
		expect(budget.parsedBytes).toBe(5000);
		expect(budget.claimParseRoom()).toEqual(deferred("parse_budget"));
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
