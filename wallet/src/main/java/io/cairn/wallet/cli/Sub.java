package io.cairn.wallet.cli;

import com.google.gson.JsonObject;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.wallet.client.NodeException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Base of every wallet subcommand: builds the {@link Session} and turns every failure into one
 * clear line on stderr (JSON with --json) and its exit code. Never prints a stack trace.
 */
abstract class Sub implements Callable<Integer> {
  @ParentCommand WalletCommand parent;
  @Spec CommandSpec spec;

  /** The command's work, on a ready session; returns the exit code. */
  abstract int run(Session s);

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GlobalConfig config = parent.config();
    try {
      return run(new Session(config, out, err, parent.seams));
    } catch (WalletException e) {
      return fail(config, err, e.exitCode(), e.getMessage(), e.reason());
    } catch (RejectedException e) {
      int code = e.reason() == Reason.WRONG_PASSWORD ? WalletException.WRONG_PASSWORD
          : e.reason() == Reason.INSUFFICIENT_FUNDS ? WalletException.REJECTED : WalletException.BAD_INPUT;
      return fail(config, err, code, e.rejected().toString(), Optional.of(e.reason().code()));
    } catch (NodeException e) {
      int code = switch (e.kind()) {
        case REJECTED -> WalletException.REJECTED;
        case NOT_FOUND -> WalletException.BAD_INPUT;
        default -> WalletException.NODE;
      };
      return fail(config, err, code, e.getMessage(), e.reasonCode());
    } catch (UncheckedIOException e) {
      return fail(config, err, WalletException.FAILED, e.getMessage(), Optional.empty());
    } catch (RuntimeException e) {
      return fail(config, err, WalletException.FAILED, "unexpected " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), Optional.empty());
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int fail(GlobalConfig config, PrintWriter err, int code, String message, Optional<String> reason) {
    if (config.json()) {
      JsonObject o = new JsonObject();
      o.addProperty("error", message);
      reason.ifPresent(r -> o.addProperty("reason", r));
      o.addProperty("exitCode", code);
      err.println(o);
    } else {
      err.println("error: " + message);
    }
    return code;
  }
}
