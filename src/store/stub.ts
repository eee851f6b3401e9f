/** @module How the Worker reaches the one StoreWriter instance. */
import type { Bindings } from "../env";
import type { StoreWriter } from "./writer";

/** Every shared write goes through this single, named instance (see writer.ts for why). */
export function storeWriter(env: Bindings): DurableObjectStub<StoreWriter> {
	const namespace = env.WRITER as unknown as DurableObjectNamespace<StoreWriter>;
	return namespace.get(namespace.idFromName("main"));
}
