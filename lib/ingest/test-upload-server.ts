/**
 * For tests only: the upload route served by a process of its own, so a test can kill it with -9 like a
 * crashing app server. Prints "LISTENING <url>" once it accepts requests. Environment: DATABASE_URL, ADMIN_PASSWORD.
 */
import { serveUploadRoute } from "./serve-upload-route";

const { url } = await serveUploadRoute();
console.log(`LISTENING ${url}`);
