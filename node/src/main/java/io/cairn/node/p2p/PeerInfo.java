package io.cairn.node.p2p;

import io.cairn.node.p2p.wire.NodeId;

/** A snapshot of one connected peer. {@code address} is where it listens (or its remote end when unknown). */
public record PeerInfo(NodeId nodeId, String address, boolean outbound, long height, String userAgent) {}
