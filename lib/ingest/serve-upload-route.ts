/**
 * The upload route (app/api/reports/route.ts POST) served by node:http: the API's own code path minus Next's
 * router, for the crash test's killable server and the ingest benchmark.
 */
import http from "node:http";

export async function serveUploadRoute(): Promise<{ url: string; close(): Promise<void> }> {
  const route = await import("../../app/api/reports/route");
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
        const isUpload = req.method === "POST" && (req.url ?? "").startsWith("/api/reports");
        const response = isUpload
          ? await route.POST(new Request(`http://${req.headers.host}${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }))
          : new Response("not found", { status: 404 });
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
