package io.cairn.testnet.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Which of a list of ports on 127.0.0.1 cannot be bound now (someone listens there). */
public final class PortCheck {
  private PortCheck() {}

  public static List<Integer> taken(List<Integer> ports) {
    List<Integer> out = new ArrayList<>();
    for (int p : ports) {
      try (ServerSocket s = new ServerSocket()) {
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p));
      } catch (IOException e) {
        out.add(p);
      }
    }
    return out;
  }
}
