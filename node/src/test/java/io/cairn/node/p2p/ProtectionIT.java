package io.cairn.node.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.node.p2p.TestNodes.Node;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.p2p.wire.ShortTxid;
import io.netty.handler.ssl.SslHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Misbehaving peers are banned while the node keeps syncing with honest ones; slow readers stall nobody. */
class ProtectionIT {

  @Test
  void garbageOversizedFramesAndInvalidBlocksGetTheSenderBanned() throws Exception {
    try (TestNodes t = new TestNodes()) {
      Node honest = t.start(TestNodes.fast().maxUploadRate(20_000).build());
      for (int i = 0; i < 200; i++) {
        honest.chain().mine(false);
      }
      Node victim = t.start();
      Node garbage = t.start();
      Node oversized = t.start();
      Node invalid = t.start();
      TestNodes.link(victim, honest);
      for (Node evil : List.of(garbage, oversized, invalid)) {
        TestNodes.link(evil, victim);
      }
      // Garbage inside the TLS session, under a plausible length prefix.
      garbage.net().sendRawForTest(victim.id(), new byte[] {0, 0, 0, 5, (byte) 0x10, 1, 2, 3, 4});
      // A frame announcing 100 MB.
      oversized.net().sendRawForTest(victim.id(), new byte[] {0x06, 0, 0, 0, 1});
      // A block whose body does not match its header's Merkle root, announced by header.
      MemoryChain ic = invalid.chain();
      Block good = ic.build(ic.genesisHash(), List.of(ic.tx(1, 0)));
      Block bad = new Block(good.header(), List.of(ic.tx(2, 0)));
      ic.forceStore(bad);
      invalid.net().sendForTest(victim.id(), new Message.Headers(List.of(bad.header())));

      await().atMost(Duration.ofSeconds(15)).until(() -> victim.net().bannedCount() == 3);
      assertEquals(3, victim.net().stats().bans());
      for (Node evil : List.of(garbage, oversized, invalid)) {
        assertFalse(victim.connectedTo(evil));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> victim.chain().tip().equals(honest.chain().tip()));
      assertTrue(victim.connectedTo(honest));
      assertFalse(victim.chain().hasBlock(bad.hash()));

      // The ban persists: a node restarted on the same ban list refuses the banned peer.
      Node restarted = t.start(TestNodes.fast().build(), TestNodes.SPEC, victim.bans());
      invalid.net().connect(restarted.net().listenAddress());
      await().atMost(Duration.ofSeconds(10)).until(() ->
          restarted.net().stats().refused().getOrDefault(Reason.BANNED, 0L) >= 1);
      assertFalse(restarted.connectedTo(invalid));
    }
  }

  @Test
  void garbageBeforeTheHandshakeDropsTheLinkButNeverBansLoopback() throws Exception {
    try (TestNodes t = new TestNodes()) {
      Node node = t.start();
      try (Socket s = new Socket("127.0.0.1", node.net().listenAddress().port())) {
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n garbage garbage garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[256];
        int n;
        do {
          n = in.read(buf);
        } while (n > 0);
        assertEquals(-1, n, "the node closes the link");
      }
      Node honest = t.start();
      TestNodes.link(honest, node);
      assertEquals(0, node.net().bannedCount());
    }
  }

  @Test
  void aPeerThatAsksWithoutReadingIsSlowedThenClosedNotBanned() {
    try (TestNodes t = new TestNodes()) {
      Node victim = t.start(TestNodes.fast().writeWaterMarks(8 * 1024, 16 * 1024).idleTimeout(Duration.ofSeconds(2))
          .pingInterval(Duration.ofMillis(500)).build());
      Node asker = t.start(); // default 90 s idle timeout: only the victim gives up on the link
      TestNodes.link(asker, victim);
      asker.net().setAutoReadForTest(victim.id(), false);
      // About 16 MB of answers nobody reads: TX_NOT_FOUND for unknown ids, harmless to the asker
      // should it still read a few before reading stops.
      List<ShortTxid> unknown = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        byte[] id = new byte[32];
        id[0] = (byte) i;
        id[1] = 0x55;
        unknown.add(ShortTxid.of(Hash.of(id)));
      }
      for (int i = 0; i < 10_000; i++) {
        asker.net().sendForTest(victim.id(), new Message.GetTx(unknown));
      }
      Logger tlsLog = (Logger) LoggerFactory.getLogger(SslHandler.class);
      ListAppender<ILoggingEvent> logged = new ListAppender<>();
      logged.start();
      tlsLog.addAppender(logged);
      try {
        // The victim stops answering, then reading; its idle timeout ends the link although the
        // goodbye cannot be written (before, the link stayed open waiting for that write).
        await().atMost(Duration.ofSeconds(20)).until(() -> !victim.connectedTo(asker));
      } finally {
        tlsLog.detachAppender(logged);
      }
      assertEquals(0, victim.net().stats().bans(), "asking without reading is not a breach");
      // Closed below TLS once the goodbye's grace ran out: the TLS handler did not wait for its own
      // close_notify to be read and then force the link closed with a warning.
      assertEquals(List.of(), logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
          .map(ILoggingEvent::getFormattedMessage).toList());
    }
  }

  @Test
  void aPeerSendingLargeMessagesIsNoLongerReadOnceItsInboxHoldsFourMebibytes() {
    try (TestNodes t = new TestNodes()) {
      Node victim = t.start();
      Node sender = t.start();
      TestNodes.link(sender, victim);
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < 4_000; i++) {
        txs.add(sender.chain().tx(i, 0));
      }
      Message big = new Message.Txs(txs);
      long frame = MessageCodec.encode(big).length + 4L; // about 0.8 MB
      P2pNetwork.InboxProbe inbox = victim.net().inboxForTest(sender.id());
      CountDownLatch release = new CountDownLatch(1);
      // The victim's network thread is held, so nothing leaves the inbox: only the byte count can stop
      // the reading (40 messages are fewer than the 64 that pause it by count).
      TestNodes.holdNetworkThread(victim, release, Duration.ofSeconds(60));
      try {
        for (int i = 0; i < 40; i++) {
          sender.net().sendForTest(victim.id(), big);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !inbox.reading());
        long bytes = inbox.bytes();
        int messages = inbox.messages();
        assertTrue(bytes >= InboxBudget.PAUSE_BYTES, "paused early: " + bytes + " bytes held");
        assertTrue(bytes <= InboxBudget.PAUSE_BYTES + 2 * frame, "held " + bytes + " bytes, frames of " + frame);
        assertTrue(messages < 10, messages + " messages held");
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  void peerThatStopsReadingDoesNotStallOthers() {
    try (TestNodes t = new TestNodes()) {
      P2pConfig cfg = TestNodes.fast().writeWaterMarks(8 * 1024, 16 * 1024).maxAnnounceQueue(200).build();
      Node source = t.start(cfg);
      Node stalled = t.start(cfg);
      Node other = t.start(cfg);
      TestNodes.link(stalled, source);
      TestNodes.link(other, source);
      stalled.net().setAutoReadForTest(source.id(), false);
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        txs.add(source.chain().tx(i, 0));
      }
      for (Transaction tx : txs) {
        source.chain().acceptTx(tx);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> other.chain().mempoolSize() == txs.size());
      Block b = source.chain().mine(true);
      await().atMost(Duration.ofSeconds(10)).until(() -> other.chain().tip().hash().equals(b.hash()));
      assertEquals(0, stalled.chain().mempoolSize());
      assertTrue(source.connectedTo(other));
      // Once it reads again it catches up on everything it missed.
      stalled.net().setAutoReadForTest(source.id(), true);
      await().atMost(Duration.ofSeconds(20)).until(() -> stalled.chain().tip().hash().equals(b.hash()));
    }
  }
}
