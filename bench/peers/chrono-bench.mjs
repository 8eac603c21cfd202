// chrono-node's French parser over a file of one text per line, for the
// side-by-side benchmark of scripts/bench-dates:
//
//   node bench/peers/chrono-bench.mjs CORPUS [--ref YYYY-MM-DD]
//
// Each line is parsed on its own with chrono.fr.parse(line, refDate), refDate
// being noon of the reference day (default 2020-11-01, chronicle's --anchor
// in the benchmark). Only the parse loop is timed, not reading the file or
// loading the module. Prints one JSON object on stdout:
//   {"tool", "bytes", "seconds", "lines", "results"}
// bytes is the UTF-8 size of the file, as `chronicle dates` reads it.
import { readFileSync } from "node:fs";
import * as chrono from "chrono-node";

const args = process.argv.slice(2);
let file = null;
let ref = "2020-11-01";
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--ref") ref = args[++i];
  else if (args[i] === "-h" || args[i] === "--help") {
    console.log("usage: node chrono-bench.mjs CORPUS [--ref YYYY-MM-DD]");
    process.exit(0);
  } else if (file === null) file = args[i];
  else {
    console.error(`chrono-bench: unexpected argument ${args[i]}`);
    process.exit(2);
  }
}
const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ref ?? "");
if (file === null || !m) {
  console.error("usage: node chrono-bench.mjs CORPUS [--ref YYYY-MM-DD]");
  process.exit(2);
}
const refDate = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0);

const bytes = readFileSync(file);
const lines = bytes.toString("utf8").split("\n");
if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();

// chrono-node's package.json is not in its "exports": read it as a file.
const version = JSON.parse(readFileSync(new URL("./node_modules/chrono-node/package.json", import.meta.url))).version;

let results = 0;
const start = process.hrtime.bigint();
for (const line of lines) results += chrono.fr.parse(line, refDate).length;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

console.log(JSON.stringify({ tool: `chrono-node ${version}`, bytes: bytes.length, seconds, lines: lines.length, results }));
