/**
 * @module @simplewebauthn/browser's UMD build (it defines the global `SimpleWebAuthnBrowser`), as text,
 * served as /admin/assets/webauthn.js. The library stays in node_modules: the bundler reads the file at
 * build time through a `Text` module rule for `*.umd.min.js` (wrangler.desk.toml), and the package's
 * `exports` map does not list this file, hence the relative path.
 */
import bundle from "../../../node_modules/@simplewebauthn/browser/dist/bundle/index.umd.min.js";

export const WEBAUTHN_BROWSER_SCRIPT: string = bundle;
