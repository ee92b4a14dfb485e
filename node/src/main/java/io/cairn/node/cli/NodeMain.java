package io.cairn.node.cli;

import picocli.CommandLine;

/** Runs {@code cairn node} alone (for tests and for launching a node without the root command). */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new NodeCommand()).execute(args));
  }
}
