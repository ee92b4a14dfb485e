package io.cairn.testnet.launcher;

/**
 * A testnet command that cannot go on, with the exit code the CLI returns and a one-line message.
 *
 * <ul>
 *   <li>{@value #FAILED}: something failed at run time (a node did not start or serve in time, I/O)
 *   <li>{@value #USAGE}: bad input (options, unknown node name)
 *   <li>{@value #STATE}: the testnet is not in a state that allows it (already running, not running, a
 *       port taken, no testnet in the directory)
 *   <li>{@value #VIOLATION}: a check failed (chaos verdict, load lost an acknowledged transaction)
 * </ul>
 */
public final class TestnetException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int STATE = 3;
  public static final int VIOLATION = 4;

  private final int exitCode;

  public TestnetException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  static TestnetException usage(String message) {
    return new TestnetException(USAGE, message);
  }

  static TestnetException state(String message) {
    return new TestnetException(STATE, message);
  }

  static TestnetException failed(String message) {
    return new TestnetException(FAILED, message);
  }
}
