import { describe, expect, it } from "vitest";
import { LEASE_SECONDS, MAX_LEASE_SECONDS, type Subscription } from "./leases";
import { verifyIntent } from "./verify";

const T = Date.parse("2026-11-25T10:00:00Z");
const TOPIC = "https://s.example/feed";

const pending: Subscription = {
	sourceId: "s",
	hub: "https://hub.example/",
	topic: TOPIC,
	callbackId: "0".repeat(32),
	secret: "secret",
	mode: "subscribe",
	state: "pending",
	leaseUntil: null,
	requestedAt: T,
	lastError: null,
};

describe("verifyIntent", () => {
	it("Should echo the challenge for our topic and mode and record the lease (ours when the hub names none, capped)", () => {
		const q = { "hub.mode": "subscribe", "hub.topic": TOPIC, "hub.challenge": "c" } as const;
		expect(verifyIntent(pending, { ...q, "hub.lease_seconds": 600 }, T)).toEqual({
			echo: "c",
			next: { ...pending, state: "live", leaseUntil: T + 600_000 },
		});
		expect(verifyIntent(pending, q, T).next).toMatchObject({ leaseUntil: T + LEASE_SECONDS * 1000 });
		expect(verifyIntent(pending, { ...q, "hub.lease_seconds": 9_999_999_999 }, T).next).toMatchObject({
			leaseUntil: T + MAX_LEASE_SECONDS * 1000,
		});
	});

	it("Should refuse what we never asked: no row, not yet requested, another topic, another mode, no challenge, lost", () => {
		const q = { "hub.mode": "subscribe", "hub.topic": TOPIC, "hub.challenge": "c" } as const;
		const refused = { echo: null, next: "unchanged" };
		expect(verifyIntent(undefined, q, T)).toEqual(refused);
		expect(verifyIntent({ ...pending, requestedAt: null }, q, T)).toEqual(refused);
		expect(verifyIntent(pending, { ...q, "hub.topic": `${TOPIC}?x` }, T)).toEqual(refused);
		expect(verifyIntent(pending, { ...q, "hub.mode": "unsubscribe" }, T)).toEqual(refused);
		expect(verifyIntent(pending, { "hub.mode": "subscribe", "hub.topic": TOPIC }, T)).toEqual(refused);
		expect(verifyIntent({ ...pending, state: "lost" }, q, T)).toEqual(refused);
		expect(verifyIntent({ ...pending, mode: "unsubscribe" }, q, T)).toEqual(refused);
	});

	it("Should confirm an unsubscribe we asked for by deleting the row, and take a denial as lost", () => {
		const leaving = { ...pending, mode: "unsubscribe" as const };
		expect(verifyIntent(leaving, { "hub.mode": "unsubscribe", "hub.topic": TOPIC, "hub.challenge": "bye" }, T)).toEqual(
			{
				echo: "bye",
				next: "delete",
			},
		);
		expect(verifyIntent(pending, { "hub.mode": "denied", "hub.topic": TOPIC, "hub.reason": "no" }, T)).toMatchObject({
			echo: "",
			next: { state: "lost", lastError: "the hub denied the subscription: no" },
		});
	});
});
