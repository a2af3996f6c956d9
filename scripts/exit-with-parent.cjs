// Preloaded into the Next server that `npm start` spawns (node --require …): if the start script dies
// without a chance to clean up (kill -9 of its pid alone), the server is re-parented; it then shuts itself
// down instead of holding the port, so the next `npm start` finds the port free.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 1000).unref();
