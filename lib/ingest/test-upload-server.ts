/**
 * For tests only: the upload route (app/api/reports/route.ts POST) served over HTTP by a process of its own,
 * so a test can kill it with -9 like a crashing app server. Prints "LISTENING <url>" once it accepts requests.
 * Environment: DATABASE_URL, ADMIN_PASSWORD.
 */
import http from "node:http";

const route = await import("../../app/api/reports/route");
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    try {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const response = await route.POST(new Request(`http://${req.headers.host}${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(`LISTENING http://127.0.0.1:${port}`);
});
