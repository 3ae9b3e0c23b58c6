// Hardhat Network as an external EVM node for Brine's end-to-end tests: `hardhat node` serves
// it on loopback and internal/hardhat starts it. Nothing is compiled here; Brine deploys its
// own artifacts through JSON-RPC like any other client.
//
// Environment (set by internal/hardhat; all optional):
//   BRINE_HARDHAT_AUTOMINE     "false" turns automine off (default on: one block per transaction)
//   BRINE_HARDHAT_INTERVAL_MS  also mine a block every N ms (default 0: no interval mining)
//   BRINE_HARDHAT_HARDFORK     default "osaka" (what the simulated backend runs); Brine's
//                              contracts need at least "cancun" (transient storage, mcopy)

const path = require("path");
const dev = require("./accounts.json");

function intervalMs() {
  const raw = process.env.BRINE_HARDHAT_INTERVAL_MS || "0";
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`BRINE_HARDHAT_INTERVAL_MS must be a non-negative integer, got ${JSON.stringify(raw)}`);
  }
  return n;
}

/** @type import('hardhat/config').HardhatUserConfig */
module.exports = {
  defaultNetwork: "hardhat",
  networks: {
    hardhat: {
      chainId: 31337,
      hardfork: process.env.BRINE_HARDHAT_HARDFORK || "osaka",
      accounts: dev.accounts.map((a) => ({ privateKey: a.privateKey, balance: dev.balanceWei })),
      allowUnlimitedContractSize: false,
      mining: {
        auto: process.env.BRINE_HARDHAT_AUTOMINE !== "false",
        interval: intervalMs(),
      },
    },
  },
  // No sources: keep Hardhat from looking for contracts or downloading a compiler.
  paths: {
    sources: path.join(__dirname, "no-sources"),
    cache: path.join(__dirname, "cache"),
    artifacts: path.join(__dirname, "artifacts"),
  },
};
