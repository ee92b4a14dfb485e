package io.cairn.testnet.status;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One node as the status view shows it.
 *
 * @param name node0, ...
 * @param miner whether it mines
 * @param pid its process, 0 when not running
 * @param p2p P2P address
 * @param rpcUrl JSON-RPC URL
 * @param logFile its log file
 * @param serving whether it answered
 * @param height tip height (when serving)
 * @param tipHash tip hash, hex (when serving)
 * @param peers connected peers
 * @param mempool pending transactions
 * @param lastBlockMs timestamp of its tip block (when known)
 * @param error why it did not answer, if it did not
 */
public record NodeStatus(String name, boolean miner, long pid, String p2p, String rpcUrl, String logFile, boolean serving,
    long height, Optional<String> tipHash, int peers, int mempool, OptionalLong lastBlockMs, Optional<String> error) {

  public boolean running() {
    return pid > 0;
  }

  public String role() {
    return miner ? "miner" : "relay";
  }

  public String state() {
    return !running() ? "down" : serving ? "up" : "starting";
  }

  public String shortTip() {
    return tipHash.map(h -> h.substring(0, Math.min(12, h.length()))).orElse("-");
  }
}
