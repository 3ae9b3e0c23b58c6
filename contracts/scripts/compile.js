#!/usr/bin/env node
// Compiles every .sol file under contracts/src (recursively, src/test/ included)
// with the pinned solc-js (npm `solc`, standard-JSON interface) and writes:
//
//   <out>/<ContractName>.json  {contractName, sourceName, abi, bytecode, deployedBytecode, userdoc, devdoc}
//   <out>/combined.json        solc --combined-json style input for abigen
//
// Usage: node scripts/compile.js [outDir]      (default: contracts/artifacts)
//
// The output is byte-for-byte deterministic: source unit names are relative
// ("src/JobMarket.sol", "@openzeppelin/contracts/..."), no absolute path ever
// reaches the compiler, keys are written in a fixed order, and the metadata
// hash is left out of the bytecode (bytecodeHash "none"), so a comment-only
// edit does not change bytecode either.
//
// Exit status: 0 on success (warnings go to stderr), 1 on any compiler error.
"use strict";

const fs = require("fs");
const path = require("path");

const CONTRACTS_DIR = path.resolve(__dirname, "..");
const SRC_DIR = path.join(CONTRACTS_DIR, "src");
const NODE_MODULES = path.join(CONTRACTS_DIR, "node_modules");

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: "cancun",
  // The IR pipeline costs ~14 s per compile but saves ~8,000 gas on the happy path (measured
  // with the gas report), and gas is a product figure.
  viaIR: true,
  metadata: { bytecodeHash: "none" },
};

function fail(msg) {
  process.stderr.write(`compile.js: ${msg}\n`);
  process.exit(1);
}

let solc;
try {
  solc = require("solc");
} catch (e) {
  fail(`cannot load the solc npm package (${e.message}); run "make deps" (npm ci in contracts/)`);
}

// findSources returns the source unit names ("src/...sol", forward slashes)
// of every .sol file under dir, sorted.
function findSources(dir) {
  const out = [];
  const walk = (d) => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (ent.isFile() && ent.name.endsWith(".sol")) {
        out.push(path.relative(CONTRACTS_DIR, p).split(path.sep).join("/"));
      }
    }
  };
  walk(dir);
  return out.sort();
}

// resolveImport maps a source unit name requested by the compiler to a file:
// "src/..." is ours, anything else (e.g. "@openzeppelin/contracts/...") comes
// from contracts/node_modules. Absolute paths and ".." escapes are refused.
function resolveImport(unitName) {
  const norm = path.posix.normalize(unitName);
  if (path.posix.isAbsolute(norm) || norm.startsWith("../") || norm !== unitName) {
    return { error: `refusing import "${unitName}": use "src/..." relative imports or a package path` };
  }
  const file = norm.startsWith("src/")
    ? path.join(CONTRACTS_DIR, norm)
    : path.join(NODE_MODULES, norm);
  try {
    return { contents: fs.readFileSync(file, "utf8") };
  } catch (e) {
    const hint = norm.startsWith("src/") ? "" : ' (is it installed? run "make deps")';
    return { error: `import "${unitName}" not found at ${path.relative(process.cwd(), file)}${hint}` };
  }
}

// sortKeys returns a deep copy of v with object keys in lexicographic order.
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const o = {};
    for (const k of Object.keys(v).sort()) o[k] = sortKeys(v[k]);
    return o;
  }
  return v;
}

function writeJSON(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(CONTRACTS_DIR, "artifacts"));
  if (!fs.existsSync(SRC_DIR)) fail(`no source directory ${SRC_DIR}`);
  const units = findSources(SRC_DIR);
  if (units.length === 0) fail(`no .sol files under ${SRC_DIR}`);

  const sources = {};
  const outputSelection = {};
  for (const u of units) {
    sources[u] = { content: fs.readFileSync(path.join(CONTRACTS_DIR, u), "utf8") };
    // Only our own files produce output; imported libraries are compiled
    // as dependencies but not emitted.
    outputSelection[u] = {
      "": ["ast"],
      "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object", "userdoc", "devdoc"],
    };
  }
  const input = { language: "Solidity", sources, settings: { ...SETTINGS, outputSelection } };

  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: resolveImport }));

  // Errors fail the build. Warnings about our own sources are printed in
  // full; those about dependencies (OpenZeppelin) are only counted unless
  // BRINE_SOLC_VERBOSE=1.
  const verbose = process.env.BRINE_SOLC_VERBOSE === "1";
  const errors = [];
  const depWarnings = new Set();
  for (const e of output.errors || []) {
    const msg = (e.formattedMessage || `${e.severity}: ${e.message}`).trimEnd();
    const file = e.sourceLocation && e.sourceLocation.file;
    if (e.severity === "error") errors.push(msg);
    else if (!verbose && file && !file.startsWith("src/")) depWarnings.add(`${file}: ${e.message.split("\n")[0]}`);
    else process.stderr.write(msg + "\n\n");
  }
  if (depWarnings.size > 0) {
    process.stderr.write(`compile.js: ${depWarnings.size} compiler warning(s) in dependencies ` +
      `(BRINE_SOLC_VERBOSE=1 shows them in full):\n`);
    for (const w of [...depWarnings].sort()) process.stderr.write(`  ${w.slice(0, 160)}\n`);
  }
  if (errors.length > 0) {
    process.stderr.write(errors.join("\n\n") + "\n\n");
    fail(`compilation failed with ${errors.length} error(s) (solc ${solc.version()})`);
  }

  // Contract kinds from the AST, so that internal-only libraries (which do
  // have a tiny deployable bytecode) are not emitted.
  const kinds = {};
  for (const u of units) {
    const ast = output.sources && output.sources[u] && output.sources[u].ast;
    for (const node of (ast && ast.nodes) || []) {
      if (node.nodeType === "ContractDefinition") kinds[`${u}:${node.name}`] = node.contractKind;
    }
  }

  const artifacts = [];
  const seen = new Map();
  for (const u of units) {
    const defs = (output.contracts && output.contracts[u]) || {};
    for (const name of Object.keys(defs).sort()) {
      const c = defs[name];
      const bytecode = c.evm.bytecode.object;
      const deployed = c.evm.deployedBytecode.object;
      if (!bytecode) continue; // interfaces and abstract contracts
      if (kinds[`${u}:${name}`] === "library" && c.abi.length === 0) continue; // internal-only library
      if (seen.has(name)) {
        fail(`contract name "${name}" is defined in both ${seen.get(name)} and ${u}; ` +
          `artifact files and Go bindings are keyed by contract name, so names must be unique`);
      }
      seen.set(name, u);
      artifacts.push({
        contractName: name,
        sourceName: u,
        abi: sortKeys(c.abi),
        bytecode: "0x" + bytecode,
        deployedBytecode: "0x" + deployed,
        // NatSpec, kept so a Go test can require it on every external function, event and error.
        userdoc: sortKeys(c.userdoc),
        devdoc: sortKeys(c.devdoc),
      });
    }
  }
  if (artifacts.length === 0) fail("no deployable contracts found");
  artifacts.sort((a, b) => (a.contractName < b.contractName ? -1 : a.contractName > b.contractName ? 1 : 0));

  fs.mkdirSync(outDir, { recursive: true });
  const written = new Set();
  for (const a of artifacts) {
    const file = `${a.contractName}.json`;
    writeJSON(path.join(outDir, file), a);
    written.add(file);
  }
  // abigen reads "abi" as a JSON value (solc >= 0.8 style) and "bin" as hex
  // without 0x; keys are fully qualified names in sorted order.
  const combined = { contracts: {}, version: solc.version() };
  const fqn = (a) => `${a.sourceName}:${a.contractName}`;
  for (const a of [...artifacts].sort((x, y) => (fqn(x) < fqn(y) ? -1 : fqn(x) > fqn(y) ? 1 : 0))) {
    combined.contracts[fqn(a)] = { abi: a.abi, bin: a.bytecode.slice(2) };
  }
  writeJSON(path.join(outDir, "combined.json"), combined);
  written.add("combined.json");

  // Remove artifacts of contracts that no longer exist (only files that
  // look like ours).
  for (const f of fs.readdirSync(outDir)) {
    if (!f.endsWith(".json") || written.has(f)) continue;
    let old;
    try {
      old = JSON.parse(fs.readFileSync(path.join(outDir, f), "utf8"));
    } catch (e) {
      continue;
    }
    if (old && typeof old === "object" && "contractName" in old && "deployedBytecode" in old) {
      fs.unlinkSync(path.join(outDir, f));
    }
  }

  // EIP-170: deployed code above 24576 bytes cannot be deployed on mainnet-like chains.
  for (const a of artifacts) {
    const size = (a.deployedBytecode.length - 2) / 2;
    if (size > 24576) {
      process.stderr.write(`compile.js: warning: ${a.contractName} deployed bytecode is ${size} bytes, ` +
        `above the EIP-170 limit of 24576\n`);
    }
  }

  const rel = path.relative(process.cwd(), outDir) || ".";
  process.stdout.write(
    `compiled ${units.length} source file(s) with solc ${solc.version()}: ` +
    `${artifacts.map((a) => a.contractName).join(", ")} -> ${rel}/\n`);
}

main();
