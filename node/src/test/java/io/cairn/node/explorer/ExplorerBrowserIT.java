package io.cairn.node.explorer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.node.service.Logging;
import io.cairn.node.service.NodeConfig;
import io.cairn.node.service.NodeService;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

/**
 * The explorer in a real headless Chromium against a real node ({@link NodeService}: RocksDB store,
 * chain thread, P2P, RPC on 127.0.0.1): it shows the tip height chain_info reports, follows a block
 * link to the block page, a transaction and an address, updates itself when a block arrives, and
 * asks for the token once it is forgotten. Screenshots go to {@code target/screenshots/}.
 */
class ExplorerBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void explorerFollowsTheNode(@TempDir Path dir) throws Exception {
    Logging.configure(dir, "warn", false);
    try (HeadlessChrome chrome = HeadlessChrome.startOrSkip(dir.resolve("chrome"));
        NodeService node = NodeService.start(new NodeConfig(dir.resolve("node"), TestSpecs.easy(), "127.0.0.1", 0,
            "127.0.0.1", 0, true, List.of(), false, null, 1, 0, 16, 4, 0, "warn", false))) {
      TestRpc rpc = new TestRpc(node.rpcPort(), node.cookieFile().orElseThrow());
      String miner = TestKey.of(43).address().encode("tcairn");
      String payee = TestKey.of(27).address().encode("tcairn");
      rpc.ok("miner_mine", Map.of("blocks", 2, "address", miner));
      Transaction tx = TestKey.of(3).transfer(Hash.parse(rpc.chainInfo().get("genesisHash").getAsString()),
          TestKey.of(27).address(), Amount.ofCrn(12), Amount.ofUnits(1_000), 0, Bytes.of("rent".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      rpc.ok("tx_submit", Map.of("tx", Bytes.of(tx.encode()).toHex()));
      rpc.ok("miner_mine", Map.of("blocks", 1, "address", miner));
      long height = rpc.chainInfo().get("height").getAsLong();
      String tipHash = rpc.chainInfo().get("tipHash").getAsString();
      assertEquals(3, height);

      WebDriver d = chrome.driver();
      d.get(ExplorerUrl.withToken(URI.create("http://127.0.0.1:" + node.rpcPort()), node.cookieFile().orElseThrow())
          .toString());
      await().atMost(WAIT).until(() -> chrome.text("tip-height").equals(String.valueOf(height)));
      assertFalse(d.getCurrentUrl().contains(rpc.token()), "the token leaves the address bar: " + d.getCurrentUrl());
      await().atMost(WAIT).until(() -> rows(d, "recent-blocks") == 4);
      chrome.screenshot("explorer-overview");

      // The newest block's hash link leads to its page, which lists the transaction.
      d.findElement(By.cssSelector("#recent-blocks tbody tr:first-child a.mono.block-link")).click();
      await().atMost(WAIT).until(() -> chrome.text("block-height").equals(String.valueOf(height)));
      assertTrue(d.getCurrentUrl().endsWith("#/block/" + tipHash), d.getCurrentUrl());
      assertTrue(chrome.text("block-facts").contains(tipHash));
      chrome.screenshot("explorer-block");

      // Transaction page, then the recipient's address page with its balance and history.
      d.findElement(By.cssSelector("#block-txs a.tx-link")).click();
      await().atMost(WAIT).until(() -> chrome.text("tx-facts").contains(tx.txid().toHex()));
      assertTrue(chrome.text("tx-page").contains("confirmed"));
      assertTrue(chrome.text("tx-facts").contains("rent"));
      d.get("http://127.0.0.1:" + node.rpcPort() + "/#/address/" + payee);
      await().atMost(WAIT).until(() -> chrome.text("balance").equals("12 CRN"));
      assertEquals(1, rows(d, "history"));

      // Search by height, then live updates: a new block shows up on the overview by itself.
      d.findElement(By.id("search-input")).sendKeys("1\n");
      await().atMost(WAIT).until(() -> chrome.text("block-height").equals("1"));
      d.findElement(By.linkText("Overview")).click();
      await().atMost(WAIT).until(() -> chrome.text("tip-height").equals("3"));
      rpc.ok("miner_mine", Map.of("blocks", 1, "address", miner));
      await().atMost(WAIT).until(() -> chrome.text("tip-height").equals("4"));

      // Without the token the page asks for it and calls nothing.
      d.findElement(By.id("forget-token")).click();
      await().atMost(WAIT).until(() -> d.findElement(By.id("auth")).isDisplayed());
      assertEquals("", chrome.text("view"));
      Path shot = chrome.screenshot("explorer-token");
      assertTrue(Files.size(shot) > 1000, "a real PNG");
    }
  }

  private static int rows(WebDriver d, String tableId) {
    try {
      return d.findElements(By.cssSelector("#" + tableId + " tbody tr")).size();
    } catch (NoSuchElementException | StaleElementReferenceException e) {
      return -1;
    }
  }
}
