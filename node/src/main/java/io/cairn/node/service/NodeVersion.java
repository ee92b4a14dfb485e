package io.cairn.node.service;

/** The node's version strings (from the jar manifest when packaged, else the source version). */
final class NodeVersion {
  static final String VERSION = version();
  static final String USER_AGENT = "cairn/" + VERSION;

  private NodeVersion() {}

  private static String version() {
    String v = NodeVersion.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }
}
