package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.TestnetException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a subcommand's body and turns failures into one line on stderr and the exit code. */
final class Cli {
  private Cli() {}

  static int guard(CommandSpec spec, Callable<Integer> body) {
    PrintWriter err = spec.commandLine().getErr();
    String who = spec.qualifiedName();
    try {
      return body.call();
    } catch (TestnetException e) {
      err.println(who + ": " + e.getMessage());
      err.flush();
      return e.exitCode();
    } catch (io.cairn.testnet.launcher.NodeRpc.RpcException e) {
      err.println(who + ": " + e.getMessage());
      err.flush();
      return TestnetException.FAILED;
    } catch (IllegalArgumentException e) {
      err.println(who + ": " + e.getMessage());
      err.flush();
      return TestnetException.USAGE;
    } catch (UncheckedIOException e) {
      err.println(who + ": " + e.getMessage());
      err.flush();
      return TestnetException.FAILED;
    } catch (Exception e) {
      err.println(who + ": unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
      err.flush();
      return TestnetException.FAILED;
    } finally {
      spec.commandLine().getOut().flush();
    }
  }
}
