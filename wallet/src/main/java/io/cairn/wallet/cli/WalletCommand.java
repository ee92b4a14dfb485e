package io.cairn.wallet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `cairn wallet`: Keys, keystore and signed transfers. */
@Command(name = "wallet", mixinStandardHelpOptions = true, description = "Keys, keystore and signed transfers.")
public final class WalletCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
