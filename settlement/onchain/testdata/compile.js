#!/usr/bin/env node
// Compiles testdata/PlainToken.sol with the repository's pinned solc-js into
// testdata/PlainToken.bin (creation bytecode, hex). Run from settlement/onchain:
//   node testdata/compile.js
"use strict";
const fs = require("fs");
const path = require("path");
const contracts = path.resolve(__dirname, "../../../contracts");
const solc = require(path.join(contracts, "node_modules/solc"));
const input = {
  language: "Solidity",
  sources: { "PlainToken.sol": { content: fs.readFileSync(path.join(__dirname, "PlainToken.sol"), "utf8") } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "cancun",
    metadata: { bytecodeHash: "none" },
    outputSelection: { "*": { "*": ["evm.bytecode.object"] } },
  },
};
function findImports(p) {
  try {
    return { contents: fs.readFileSync(path.join(contracts, "node_modules", p), "utf8") };
  } catch (e) {
    return { error: e.message };
  }
}
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
for (const e of out.errors || []) {
  if (e.severity === "error") {
    process.stderr.write(e.formattedMessage);
    process.exit(1);
  }
}
fs.writeFileSync(path.join(__dirname, "PlainToken.bin"), out.contracts["PlainToken.sol"].PlainToken.evm.bytecode.object + "\n");
