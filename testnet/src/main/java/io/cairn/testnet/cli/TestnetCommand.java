package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `cairn testnet`: Start and drive a local multi-node testnet. */
@Command(name = "testnet", mixinStandardHelpOptions = true, description = "Start and drive a local multi-node testnet.")
public final class TestnetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
