package io.cairn.wallet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn wallet tx TXID}. */
@Command(name = "tx", mixinStandardHelpOptions = true, description = "Status and confirmations of a transaction.")
final class TxCommand extends Sub {
  @Parameters(paramLabel = "TXID", description = "Transaction id (64 hex digits).")
  String txid;

  @Override
  int run(Session s) {
    return QueryActions.tx(s, txid);
  }
}
