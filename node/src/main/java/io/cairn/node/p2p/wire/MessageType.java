package io.cairn.node.p2p.wire;

/** The first byte of every message. Codes are never reused; a code this version does not know is refused. */
public enum MessageType {
  HELLO(0x01),
  PING(0x02),
  PONG(0x03),
  BYE(0x04),
  INV_TX(0x10),
  GET_TX(0x11),
  TXS(0x12),
  NOT_FOUND(0x13),
  GET_MEMPOOL(0x14),
  TX_NOT_FOUND(0x15),
  GET_HEADERS(0x20),
  HEADERS(0x21),
  GET_BLOCKS(0x22),
  BLOCK(0x23),
  GET_COMPACT(0x24),
  COMPACT_BLOCK(0x25),
  GET_BLOCK_TXS(0x26),
  BLOCK_TXS(0x27),
  GET_ADDRS(0x30),
  ADDRS(0x31);

  private static final MessageType[] BY_CODE = new MessageType[256];

  static {
    for (MessageType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type with this code, or null when unknown. */
  public static MessageType ofCode(int code) {
    return code < 0 || code > 255 ? null : BY_CODE[code];
  }
}
