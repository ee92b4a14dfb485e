package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code net_addPeer {address}}: connect to {@code host:port} (IPv6 as {@code [::1]:7420}). */
final class NetAddPeerMethod implements RpcMethod {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\]");
  private final NodeCommands commands;

  NetAddPeerMethod(NodeCommands commands) {
    this.commands = commands;
  }

  @Override
  public String name() {
    return "net_addPeer";
  }

  @Override
  public List<String> paramNames() {
    return List.of("address");
  }

  @Override
  public JsonElement call(Params params) throws RpcException {
    String hostPort = checkHostPort(params.string("address"));
    Optional<Rejected> refused = commands.addPeer(hostPort);
    if (refused.isPresent()) {
      throw RpcException.of(refused.get());
    }
    JsonObject o = new JsonObject();
    o.addProperty("address", hostPort);
    o.addProperty("status", "connecting");
    return o;
  }

  /** Checks {@code host:port} syntax (port 1 to 65535). */
  static String checkHostPort(String text) throws RpcException {
    String s = text.strip();
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || !HOST.matcher(s.substring(0, colon)).matches()) {
      throw RpcException.invalidParams(Reason.MALFORMED, "'address' must be host:port but got '" + text + "'");
    }
    String port = s.substring(colon + 1);
    if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      throw RpcException.invalidParams(Reason.MALFORMED, "'address' needs a port from 1 to 65535 but got '" + port + "'");
    }
    return s;
  }
}
