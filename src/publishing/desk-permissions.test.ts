// The article desk's role rules as a table: every role against every kind of article and next status.
import { describe, expect, it } from "vitest";
import { type Actor, OWNER } from "../auth/actor";
import { refuseDelete, refuseHistory, refuseRead, refuseSave, seesAllArticles } from "./desk-permissions";

const person = (role: Actor["role"], staffId: string): Actor => ({
	staffId,
	name: staffId,
	role,
	via: { kind: "session", id: `s-${staffId}` },
});
const cora = person("contributor", "cora");
const editor = person("editor", "eddie");

const ownDraft = { status: "draft" as const, ownerStaffId: "cora" };
const ownReview = { status: "review" as const, ownerStaffId: "cora" };
const othersDraft = { status: "draft" as const, ownerStaffId: "carl" };
const published = { status: "published" as const, ownerStaffId: "cora" };
const unowned = { status: "draft" as const, ownerStaffId: null };

describe("refuseSave", () => {
	it("Should let editors, admins and the owner token save anything, with any status", () => {
		for (const actor of [editor, person("admin", "ada"), OWNER]) {
			for (const current of [undefined, ownDraft, othersDraft, published, unowned]) {
				for (const next of ["draft", "review", "published"] as const)
					expect(refuseSave(actor, current, next)).toBeUndefined();
			}
		}
	});

	it("Should let a contributor create and edit their own unpublished articles, as draft or review only", () => {
		expect(refuseSave(cora, undefined, "draft")).toBeUndefined();
		expect(refuseSave(cora, ownDraft, "review")).toBeUndefined();
		expect(refuseSave(cora, ownReview, "draft")).toBeUndefined();
		expect(refuseSave(cora, undefined, "published")).toMatch(/an editor publishes/);
		expect(refuseSave(cora, ownReview, "published")).toMatch(/an editor publishes/);
		expect(refuseSave(cora, published, "draft")).toMatch(/published/);
		expect(refuseSave(cora, othersDraft, "draft")).toMatch(/their own/);
		expect(refuseSave(cora, unowned, "draft")).toMatch(/their own/);
	});
});

describe("refuseDelete, refuseRead, refuseHistory", () => {
	it("Should let a contributor delete only their own unpublished article", () => {
		expect(refuseDelete(cora, ownDraft)).toBeUndefined();
		expect(refuseDelete(cora, ownReview)).toBeUndefined();
		expect(refuseDelete(cora, published)).toBeDefined();
		expect(refuseDelete(cora, othersDraft)).toBeDefined();
		expect(refuseDelete(editor, othersDraft)).toBeUndefined();
	});

	it("Should let a contributor open published articles and their own, and only their own history", () => {
		expect(refuseRead(cora, { ...published, ownerStaffId: "carl" })).toBeUndefined();
		expect(refuseRead(cora, othersDraft)).toBeDefined();
		expect(refuseHistory(cora, { ...published, ownerStaffId: "carl" })).toBeDefined();
		expect(refuseHistory(cora, published)).toBeUndefined();
		expect(refuseHistory(editor, othersDraft)).toBeUndefined();
		expect(seesAllArticles(cora)).toBe(false);
		expect(seesAllArticles(editor)).toBe(true);
	});
});
