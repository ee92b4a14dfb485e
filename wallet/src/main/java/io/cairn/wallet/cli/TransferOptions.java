package io.cairn.wallet.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by {@code send} and {@code sign} (a picocli mixin). */
final class TransferOptions {
  @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "Recipient address.")
  String to;

  @Option(names = "--amount", required = true, paramLabel = "CRN", description = "Amount in CRN, e.g. 1.25.")
  String amount;

  @Option(names = "--wallet", paramLabel = "NAME", description = "Wallet (may be omitted when there is only one).")
  String wallet;

  @Option(names = "--from", defaultValue = "0", description = "Account index to send from (default: ${DEFAULT-VALUE}).")
  int from;

  @Option(names = "--fee", paramLabel = "CRN", description = "Fee in CRN (default: the chain's minimum fee).")
  String fee;

  @Option(names = "--memo", paramLabel = "TEXT", description = "Memo, at most 64 bytes of UTF-8.")
  String memo;

  @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
  boolean yes;

  TransferActions.TransferConfig config() {
    return new TransferActions.TransferConfig(Optional.ofNullable(wallet), from, to, amount, Optional.ofNullable(fee),
        Optional.ofNullable(memo), yes);
  }
}
