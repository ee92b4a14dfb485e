package io.cairn.wallet.client;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.wallet.json.StrictJson;
import io.cairn.wallet.json.StrictJson.JsonFormatException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for the wallet's reading of node responses, the path {@link HttpNodeClient} takes
 * after HTTP: strict JSON ({@link StrictJson}), the JSON-RPC envelope ({@link RpcResults#unwrap})
 * and one result reader picked by the first input byte. A hostile node may only cause a
 * {@link NodeException} (or {@link JsonFormatException} from the JSON layer, which the client
 * turns into one); any other exception, StackOverflowError or OutOfMemoryError is a finding.
 */
class RpcResultsFuzzTest {
  private static final String[] METHODS = {
      "chain_info", "state_getAccount", "state_getHistory", "chain_getTransaction", "tx_submit"};

  @FuzzTest(maxDuration = "5m")
  void response(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int which = (input[0] & 0xff) % METHODS.length;
    String body = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
    try {
      JsonObject resp = StrictJson.object(StrictJson.parse(body, "response"), "response");
      JsonElement result = RpcResults.unwrap(resp, METHODS[which], 1);
      switch (which) {
        case 0 -> RpcResults.chainInfo(result);
        case 1 -> RpcResults.account(result);
        case 2 -> RpcResults.history(result, 100);
        case 3 -> RpcResults.txStatus(result);
        default -> RpcResults.txid(result);
      }
    } catch (NodeException | JsonFormatException expected) {
      // A clear error about the node's answer: what the wallet shows the user.
    }
  }
}
