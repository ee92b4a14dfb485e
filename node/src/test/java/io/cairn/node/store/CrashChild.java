package io.cairn.node.store;

import io.cairn.common.codec.Reader;
import io.cairn.common.model.Block;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.consensus.SignatureCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link ChainStoreCrashIT} kills: opens the store, then offers every block of the
 * script in order (already known ones are duplicates), printing {@code ready} once open and
 * {@code block <i>} after each block that changed something. Spec comes from the test specs.
 *
 * <p>Script file: repeated {@code u32 length | block encoding}.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws IOException {
    Path db = Path.of(args[0]);
    List<Block> script = readScript(Path.of(args[1]));
    ChainSpec spec = io.cairn.node.testing.TestSpecs.easy();
    ChainStore store = ChainStore.open(db, spec);
    ChainEngine engine = ChainEngine.open(store, SignatureCheck.DIRECT);
    System.out.println("ready " + engine.head().height());
    System.out.flush();
    for (int i = 0; i < script.size(); i++) {
      ImportResult r = engine.acceptBlock(script.get(i), ChainEngineContract.NOW);
      if (r.outcome() != ImportResult.Outcome.DUPLICATE) {
        System.out.println("block " + i + " " + r.outcome() + " " + r.head().height());
        System.out.flush();
      }
    }
    System.out.println("done");
    System.out.flush();
    store.close();
  }

  static List<Block> readScript(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    Reader r = new Reader(all);
    List<Block> out = new ArrayList<>();
    while (r.remaining() > 0) {
      out.add(Block.decode(r.bytes32(Block.MAX_ENCODED_LENGTH, "block")));
    }
    return out;
  }
}
