package io.cairn.common.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cairn.common.spec.ChainSpecJson.SpecException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for {@link ChainSpecJson#parse}: any text either gives a spec that writes and
 * re-reads to itself, or is refused with {@link SpecException}; nothing else may escape (no Gson
 * exception, no StackOverflowError on deep nesting). Inputs are the UTF-8 text of the fuzzer's bytes.
 */
class ChainSpecJsonFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    ChainSpec spec;
    try {
      spec = ChainSpecJson.parse(json);
    } catch (SpecException expected) {
      return;
    }
    assertEquals(spec, ChainSpecJson.parse(ChainSpecJson.toJson(spec)));
    Genesis.hash(spec);
  }
}
