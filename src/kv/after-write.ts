/**
 * @module What a reader isolate drops once a write it handed to the desk Worker has succeeded: its
 * copies of records, and the data center's copies cached before the write, so its next reads go to KV
 * (the article at once, the lists and index within the StoreWriter's trailing second). Other isolates
 * catch up as their copies expire (5 s in memory, 30 s in the data center), as they always did.
 */
import { forgetArchive } from "./archive";
import { forgetHeadlines } from "./headlines";
import { forgetLists } from "./lists";

export function forgetAfterWrite(): void {
	// forgetHeadlines also drops the articles and stops reading older data-center copies.
	forgetHeadlines();
	forgetLists();
	forgetArchive();
}
