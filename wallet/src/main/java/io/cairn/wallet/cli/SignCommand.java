package io.cairn.wallet.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn wallet sign}: offline, no node. */
@Command(name = "sign", mixinStandardHelpOptions = true,
    description = "Sign a transfer offline and print it as hex (submit it later with 'broadcast').")
final class SignCommand extends Sub {
  @Mixin TransferOptions transfer;

  @Option(names = "--nonce", required = true, description = "The sender's next nonce.")
  long nonce;

  @Option(names = "--chain", paramLabel = "FILE|testnet", description = "Chain spec file, or a built-in spec name.")
  String chain;

  @Option(names = "--genesis", paramLabel = "HASH", description = "Genesis hash of the network (instead of --chain).")
  String genesis;

  @Override
  int run(Session s) {
    return TransferActions.sign(s, new TransferActions.SignConfig(transfer.config(), nonce, Optional.ofNullable(chain),
        Optional.ofNullable(genesis)));
  }
}
