// Each test starts with no in-memory headlines copy, so nothing leaks between tests in one isolate.
import { beforeEach } from "vitest";
import { forgetHeadlines } from "../src/kv/headlines";

beforeEach(() => {
	forgetHeadlines();
});
