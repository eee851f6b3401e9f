/** @module The site icon: a tiny SVG, so browsers don't fetch a missing /favicon.ico. */
export const FAVICON_SVG =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#b01f29"/><path d="M9 8h14v4H14v2h8v4h-8v2h9v4H9z" fill="#fff"/></svg>';
