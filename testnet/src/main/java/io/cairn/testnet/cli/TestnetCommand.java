package io.cairn.testnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn testnet}: start and drive a local multi-node testnet. */
@Command(name = "testnet", mixinStandardHelpOptions = true,
    description = {"Start and drive a local multi-node testnet (real node processes on 127.0.0.1).",
        "Quick start: cairn testnet up   then, in another terminal:",
        "  cairn wallet --testnet send --from 0 --to <address> --amount 5"},
    subcommands = {UpCommand.class, StatusCommand.class, DownCommand.class, LogsCommand.class, KillCommand.class,
        RestartCommand.class, PartitionCommand.class, HealCommand.class, AddNodeCommand.class, LoadCommand.class,
        ChaosCommand.class, DashboardCommand.class, io.cairn.testnet.bench.cli.BenchCommand.class},
    footer = {"", "Exit codes: 0 ok; 1 failed (a node did not start or serve in time, I/O); 2 bad usage;",
        "3 wrong state (already running, not running, port taken, no testnet); 4 a check failed (chaos, load)."})
public final class TestnetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
