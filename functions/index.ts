import { DurableObject } from "cloudflare:workers";
export class StoreWriter extends DurableObject {}
export default { fetch() { return new Response("ok"); } } satisfies ExportedHandler;
