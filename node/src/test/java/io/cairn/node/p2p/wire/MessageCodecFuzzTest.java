package io.cairn.node.p2p.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;

/**
 * Fuzz target for the P2P message decoder ({@link MessageCodec#decode}, one frame without its
 * length prefix): a frame is either refused with {@code malformed} or {@code unknown-message}, or
 * gives a message that this node can encode again and that decodes back to itself (a node relays
 * what it received, e.g. addresses and transactions). Anything else is a finding.
 */
class MessageCodecFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void frame(byte[] frame) {
    Message m;
    try {
      m = MessageCodec.decode(frame);
    } catch (RejectedException e) {
      assertTrue(e.reason() == Reason.MALFORMED || e.reason() == Reason.UNKNOWN_MESSAGE, e.getMessage());
      return;
    }
    assertEquals(m, MessageCodec.decode(MessageCodec.encode(m)), "re-encoding " + m.type());
  }
}
