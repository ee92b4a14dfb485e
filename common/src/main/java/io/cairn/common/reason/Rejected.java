package io.cairn.common.reason;

import java.util.Objects;

/** Input refused for a stated reason: the value every rule and boundary returns instead of a boolean. */
public record Rejected(Reason reason, String detail) {
  public Rejected {
    Objects.requireNonNull(reason, "reason");
    detail = detail == null ? "" : detail;
  }

  public static Rejected of(Reason reason, String detail) {
    return new Rejected(reason, detail);
  }

  /** {@code code: detail}, the form used in logs and CLI messages. */
  @Override
  public String toString() {
    return detail.isEmpty() ? reason.code() : reason.code() + ": " + detail;
  }
}
