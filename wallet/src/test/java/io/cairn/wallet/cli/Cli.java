package io.cairn.wallet.cli;

import io.cairn.wallet.client.HttpNodeClient;
import io.cairn.wallet.keystore.KdfParams;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code cairn wallet ...} in-process with a scripted terminal, captured output and fast scrypt. */
final class Cli {
  static final KdfParams FAST = new KdfParams(1 << 4, 8, 1);

  final Path walletDir;
  final Map<String, String> env = new HashMap<>();
  final FakeTerminal terminal = new FakeTerminal();

  Cli(Path walletDir) {
    this.walletDir = walletDir;
  }

  /** The result of one run. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  /** Runs with {@code --wallet-dir} set to this harness's directory. */
  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--wallet-dir", walletDir.toString()));
    all.addAll(List.of(args));
    return raw(all.toArray(String[]::new));
  }

  /** Runs exactly these arguments. */
  Result raw(String... args) {
    WalletCommand root = new WalletCommand();
    root.seams = new Session.Seams(env, terminal, FAST, 5, new SecureRandom(),
        e -> new HttpNodeClient(e, Duration.ofSeconds(5)), () -> 1_767_225_600_000L);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(root);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** Answers prompts from a queue and records them. */
  static final class FakeTerminal implements Terminal {
    final Deque<String> answers = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();

    FakeTerminal answer(String... lines) {
      answers.addAll(List.of(lines));
      return this;
    }

    @Override
    public String readLine(String prompt) {
      prompts.add(prompt);
      return answers.poll();
    }

    @Override
    public String readSecret(String prompt) {
      prompts.add(prompt);
      return answers.poll();
    }
  }
}
