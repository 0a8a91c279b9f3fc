// A second engine reads the same contract: Stoplight's Prism mocks schema/openapi.json with
// request validation on (`--errors`: any violation is answered 422), the gateway (built by
// cargo, its path the first argument) forwards every body of examples/requests.ndjson it
// finds valid to that mock, and each forwarded body must come back as Prism's 200 example,
// that is, Prism found it valid too. Bodies the gateway refuses never reach Prism.
//
// One rewrite of the document for Prism, keeping its meaning: Prism merges an `allOf` of
// `pattern`s into `(?=p1)(?=p2)`, which is only right for anchored patterns (for the
// password's unanchored `\p{Alphabetic}` and `[0-9!@#$%^&]` it demands one character that is
// both), so each such `allOf` is given to Prism as the one pattern
// `^(?=[\s\S]*p1)(?=[\s\S]*p2)` ("contains a match of each"), which is what the document says.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const gatewayBinary = process.argv[2];
if (!gatewayBinary) {
  console.error("usage: node client/prism/check.mjs <path to the built gateway example>");
  process.exit(2);
}

/** Replaces every `allOf` made only of `pattern`s by one equivalent pattern. */
function mergePatterns(node) {
  if (Array.isArray(node)) return node.forEach(mergePatterns);
  if (node === null || typeof node !== "object") return;
  const all = node.allOf;
  if (Array.isArray(all) && all.length > 1 && all.every((s) => Object.keys(s).length === 1 && typeof s.pattern === "string")) {
    delete node.allOf;
    node.pattern = "^" + all.map((s) => `(?=[\\s\\S]*(?:${s.pattern}))`).join("");
  }
  Object.values(node).forEach(mergePatterns);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a process and resolves with it once a line of its standard output matches. */
function startUntil(command, args, pattern, what) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${what} did not start within 30 s:\n${output.join("\n")}`));
    }, 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output.join("\n")}`));
    });
    child.stderr.on("data", (chunk) => output.push(String(chunk)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      output.push(line);
      const match = line.match(pattern);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve({ child, match, output });
      }
    });
  });
}

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const children = [];
let failed = false;
try {
  const document = JSON.parse(readFileSync(join(root, "schema", "openapi.json"), "utf8"));
  mergePatterns(document);
  const docPath = join(mkdtempSync(join(tmpdir(), "prism-")), "openapi.json");
  writeFileSync(docPath, JSON.stringify(document));

  const prismPort = await freePort();
  const prism = await startUntil(
    join(here, "node_modules", ".bin", "prism"),
    ["mock", docPath, "--errors", "--host", "127.0.0.1", "--port", String(prismPort)],
    /Prism is listening/,
    "Prism",
  );
  children.push(prism.child);
  const prismUrl = `http://127.0.0.1:${prismPort}`;

  // Validation is on: Prism refuses an invalid body itself.
  const refused = await post(`${prismUrl}/customers`, JSON.stringify({ email: "jane@example.com" }));
  if (refused.status !== 422 || !refused.headers.get("sl-violations")) {
    throw new Error(`Prism accepted an invalid body (HTTP ${refused.status}): validation is off`);
  }

  const gateway = await startUntil(
    gatewayBinary,
    ["--listen", "127.0.0.1:0", "--upstream", prismUrl, "--fill-customer-ip"],
    /^listening on (http:\/\/\S+)$/,
    "the gateway",
  );
  children.push(gateway.child);
  const gatewayUrl = gateway.match[1];

  const lines = readFileSync(join(root, "examples", "requests.ndjson"), "utf8").split("\n");
  let forwarded = 0;
  let refusedByGateway = 0;
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const answer = await post(`${gatewayUrl}/customers`, line);
    let body = null;
    try {
      body = JSON.parse(answer.text);
    } catch {}
    if (answer.status === 200 && body?.responseData?.customerId) {
      forwarded += 1;
    } else if ([400, 413].includes(answer.status) && body?.code === "REQ0001" && Array.isArray(body?.errors)) {
      // The gateway's own refusal (an invalid or oversized body): never forwarded.
      refusedByGateway += 1;
    } else {
      failed = true;
      console.error(`line ${index + 1}: forwarded, and not Prism's 200 (Prism refused it?): HTTP ${answer.status} ${answer.text}`);
    }
  }
  if (forwarded === 0) {
    failed = true;
    console.error("no example body was forwarded");
  }
  if (failed) {
    console.error(prism.output.filter((l) => /Violation/.test(l)).join("\n"));
  }
  console.log(`prism: ${forwarded} forwarded bodies valid for Prism, ${refusedByGateway} refused by the gateway (never forwarded)`);
} catch (error) {
  failed = true;
  console.error(error.message);
} finally {
  for (const child of children) child.kill();
}
process.exit(failed ? 1 : 0);
