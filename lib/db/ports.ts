import net from "node:net";

/** True when nothing listens on host:port (we can bind it ourselves). */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** `preferred` if free, else the next free port above it (up to `tries` ports). */
export async function findFreePort(preferred: number, tries = 100, host = "127.0.0.1"): Promise<number> {
  for (let port = preferred; port < preferred + tries && port < 65536; port++) {
    if (await isPortFree(port, host)) return port;
  }
  throw new Error(`No free TCP port in ${preferred}–${preferred + tries - 1}.`);
}

/** Lets the OS pick a free port (tests). */
export function randomFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
