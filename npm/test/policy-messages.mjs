// The messages document of a policy, as the gateway example serves it (GET /messages.json):
// starts the gateway with `--policy FILE` on a free port of 127.0.0.1, reads the document,
// writes it to OUT and stops the gateway.
//
// usage: node policy-messages.mjs GATEWAY POLICY.json OUT.json
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

const [gateway, policy, out] = process.argv.slice(2);
const child = spawn(gateway, ["--listen", "127.0.0.1:0", "--policy", policy, "--shutdown-grace", "0"], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, RUST_LOG: "warn" },
});
try {
  const base = await new Promise((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
      const found = text.match(/listening on (http:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.on("exit", (code) => reject(new Error(`the gateway exited with ${code}`)));
    setTimeout(() => reject(new Error("the gateway did not say where it listens")), 20_000);
  });
  const response = await fetch(`${base}/messages.json`);
  if (!response.ok) throw new Error(`GET /messages.json: ${response.status}`);
  writeFileSync(out, JSON.stringify(await response.json()));
} finally {
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
// fetch's idle keep-alive connection would hold the event loop a few seconds more.
process.exit(0);
