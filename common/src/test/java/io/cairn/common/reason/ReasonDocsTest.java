package io.cairn.common.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/protocol.md lists every Reason code with its meaning, and no code that does not exist. */
class ReasonDocsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (.*) \\|$", Pattern.MULTILINE);

  @Test
  void protocolDocumentListsEveryReason() throws IOException {
    String doc = Files.readString(protocolMd(), StandardCharsets.UTF_8);
    String table = doc.substring(doc.indexOf("## 10. Rejection reasons"));
    Set<String> documented = new HashSet<>();
    Matcher m = ROW.matcher(table);
    while (m.find()) {
      documented.add(m.group(1));
      assertNotNull(Reason.fromCode(m.group(1)), "docs/protocol.md lists unknown reason code " + m.group(1));
    }
    StringBuilder missing = new StringBuilder();
    for (Reason r : Reason.values()) {
      if (!documented.contains(r.code())) {
        missing.append("| `").append(r.code()).append("` | ").append(r.description()).append(" |\n");
      }
    }
    assertEquals("", missing.toString(), "add these rows to section 10 of docs/protocol.md");
  }

  @Test
  void codesAreKebabCaseUniqueAndRoundTrip() {
    Set<String> codes = new HashSet<>();
    for (Reason r : Reason.values()) {
      assertTrue(r.code().matches("[a-z0-9]+(-[a-z0-9]+)*"), r.code());
      assertTrue(codes.add(r.code()), "duplicate code " + r.code());
      assertEquals(r, Reason.fromCode(r.code()));
      assertEquals(r.code(), r.toString());
      assertTrue(!r.description().isBlank(), r.code());
    }
    assertNull(Reason.fromCode("no-such-reason"));
    assertEquals("nonce-too-low", Reason.NONCE_TOO_LOW.code());
  }

  @Test
  void rejectedFormsAndCarriers() {
    assertEquals("fee-too-low: 5 < 1000", Rejected.of(Reason.FEE_TOO_LOW, "5 < 1000").toString());
    assertEquals("bad-pow", Rejected.of(Reason.BAD_POW, null).toString());
    RejectedException e = new RejectedException(Reason.BAD_AMOUNT, "empty amount");
    assertEquals(Reason.BAD_AMOUNT, e.reason());
    assertEquals(Rejected.of(Reason.BAD_AMOUNT, "empty amount"), e.rejected());
    assertEquals("empty amount", e.getMessage());
  }

  /** docs/protocol.md of this checkout, found from the module directory upwards. */
  static Path protocolMd() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve("docs").resolve("protocol.md");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException("docs/protocol.md not found above " + Path.of("").toAbsolutePath());
  }
}
