package io.cairn.common.reason;

/**
 * Carries a {@link Rejected} out of a parser (address, amount, hex) to the boundary that reports it.
 * Only for parsing user or peer input; rules return {@link Rejected} values instead.
 */
public final class RejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Rejected rejected;

  public RejectedException(Reason reason, String detail) {
    super(detail);
    this.rejected = Rejected.of(reason, detail);
  }

  public Rejected rejected() {
    return rejected;
  }

  public Reason reason() {
    return rejected.reason();
  }
}
