package io.cairn.node.cli;

import picocli.CommandLine;

/**
 * Runs {@code cairn node} alone (for tests and for launching a node without the root command). A
 * leading {@code node} argument is accepted and dropped, so {@code NodeMain node --datadir D} starts
 * the same node as {@code cairn node --datadir D}, without building the root command's whole tree.
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) {
    String[] nodeArgs = args.length > 0 && args[0].equals("node") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    System.exit(new CommandLine(new NodeCommand()).execute(nodeArgs));
  }
}
