/**
 * @module Runs once before the e2e files, which start side by side: the dev ADMIN_TOKEN is made here, so
 * two files never each write a different one into a fresh checkout's `.dev.vars`.
 */
import { ensureDevToken } from "../scripts/dev-server";

export default function setup(): void {
	ensureDevToken();
}
