package io.cairn.node.metrics;

import io.cairn.common.reason.Reason;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The node's Prometheus metrics, served as text at {@code GET /metrics}. Components call the event
 * methods ({@link #txAccepted()}, {@link #blockConnected}...); gauges that are cheaper to read than
 * to track (height, peers, mempool) are fed by suppliers bound once at start-up and read at scrape
 * time. Every method is thread-safe and cheap (an atomic add); none blocks.
 *
 * <p>Label values must come from small fixed sets: reason codes, P2P message type names, RPC method
 * names. Never put ids, addresses or hashes in a label.
 *
 * <pre>
 * cairn_chain_height                          gauge    height of the tip
 * cairn_peers                                 gauge    connected peers
 * cairn_mempool_transactions / _bytes         gauge    pending transactions and their encoded size
 * cairn_tx_accepted_total                     counter  transactions accepted into the mempool
 * cairn_tx_rejected_total{reason}             counter  transactions refused, by reason code
 * cairn_blocks_connected_total                counter  blocks connected to the main chain
 * cairn_block_transactions_total              counter  transactions in connected blocks
 * cairn_block_connect_seconds                 histogram time to verify and connect one block
 * cairn_block_verify_tx_per_second            gauge    transactions per second of the last block connected
 * cairn_signatures_verified_total             counter  Ed25519 verifications
 * cairn_signature_verify_seconds_total        counter  time spent in them (rate ratio = verifications/s)
 * cairn_signature_cache_entries               gauge    txids known verified (mempool and blocks in flight)
 * cairn_reorgs_total, cairn_reorg_depth       counter, histogram of blocks disconnected per reorg
 * cairn_p2p_bytes_in_total{type}              counter  bytes received per P2P message type
 * cairn_p2p_bytes_out_total{type}             counter  bytes sent per P2P message type
 * cairn_p2p_items_received_total{kind}        counter  announced items received (tx, block)
 * cairn_p2p_duplicates_received_total{kind}   counter  of which already known
 * cairn_rpc_requests_total{method,outcome}    counter  JSON-RPC calls (outcome ok or error)
 * cairn_rpc_busy_total                        counter  HTTP requests refused because all workers were busy
 * </pre>
 */
public final class NodeMetrics {
  /** Content type of {@link #scrape()}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final AtomicLong lastHeight = new AtomicLong();
  private volatile LongSupplier height = lastHeight::get;
  private volatile LongSupplier peers = () -> 0;
  private volatile LongSupplier mempoolSize = () -> 0;
  private volatile LongSupplier mempoolBytes = () -> 0;
  private volatile LongSupplier signatureCache = () -> 0;

  private final Counter txAccepted = counter("cairn_tx_accepted_total", "Transactions accepted into the mempool");
  private final Counter txRejected =
      counter("cairn_tx_rejected_total", "Transactions refused, by reason code", "reason");
  private final Counter blocksConnected = counter("cairn_blocks_connected_total", "Blocks connected to the main chain");
  private final Counter blockTxs = counter("cairn_block_transactions_total", "Transactions in connected blocks");
  private final Histogram blockSeconds = Histogram.builder()
      .name("cairn_block_connect_seconds")
      .help("Time to verify and connect one block")
      .classicOnly()
      .classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
      .register(registry);
  private final Gauge verifyRate = Gauge.builder()
      .name("cairn_block_verify_tx_per_second")
      .help("Transactions per second verified and connected in the last block")
      .register(registry);
  private final Counter sigsVerified = counter("cairn_signatures_verified_total", "Ed25519 signature verifications");
  private final Counter sigSeconds =
      counter("cairn_signature_verify_seconds_total", "Seconds spent verifying signatures (summed over threads)");
  private final Counter reorgs = counter("cairn_reorgs_total", "Chain reorganisations");
  private final Histogram reorgDepth = Histogram.builder()
      .name("cairn_reorg_depth")
      .help("Blocks disconnected per reorganisation")
      .classicOnly()
      .classicUpperBounds(1, 2, 3, 5, 10, 20, 50, 100, 1000)
      .register(registry);
  private final Counter bytesIn = counter("cairn_p2p_bytes_in_total", "Bytes received per P2P message type", "type");
  private final Counter bytesOut = counter("cairn_p2p_bytes_out_total", "Bytes sent per P2P message type", "type");
  private final Counter itemsReceived =
      counter("cairn_p2p_items_received_total", "Announced items received from peers", "kind");
  private final Counter duplicates =
      counter("cairn_p2p_duplicates_received_total", "Items received that were already known", "kind");
  private final Counter rpcRequests =
      counter("cairn_rpc_requests_total", "JSON-RPC calls by method and outcome", "method", "outcome");
  /** rpcRequests's data point per method name: [ok, error]. */
  private final ConcurrentHashMap<String, CounterDataPoint[]> rpcPoints = new ConcurrentHashMap<>();
  private final Counter rpcBusy =
      counter("cairn_rpc_busy_total", "HTTP requests refused with 503 because every RPC worker was busy");

  public NodeMetrics() {
    callbackGauge("cairn_chain_height", "Height of the main chain tip", () -> height);
    callbackGauge("cairn_peers", "Connected peers", () -> peers);
    callbackGauge("cairn_mempool_transactions", "Transactions in the mempool", () -> mempoolSize);
    callbackGauge("cairn_mempool_bytes", "Encoded bytes of the transactions in the mempool", () -> mempoolBytes);
    callbackGauge("cairn_signature_cache_entries",
        "Txids whose signatures verified and are kept for a later check (mempool, blocks in flight)", () -> signatureCache);
  }

  /** Reads the tip height from {@code supplier} at scrape time (else the last connected height). */
  public NodeMetrics bindHeight(LongSupplier supplier) {
    this.height = Objects.requireNonNull(supplier);
    return this;
  }

  public NodeMetrics bindPeers(LongSupplier supplier) {
    this.peers = Objects.requireNonNull(supplier);
    return this;
  }

  public NodeMetrics bindMempool(LongSupplier transactions, LongSupplier bytes) {
    this.mempoolSize = Objects.requireNonNull(transactions);
    this.mempoolBytes = Objects.requireNonNull(bytes);
    return this;
  }

  public NodeMetrics bindSignatureCache(LongSupplier entries) {
    this.signatureCache = Objects.requireNonNull(entries);
    return this;
  }

  public void txAccepted() {
    txAccepted.inc();
  }

  public void txRejected(Reason reason) {
    txRejected.labelValues(reason.code()).inc();
  }

  /** A block of {@code txs} transactions became the tip after {@code micros} of verifying and writing. */
  public void blockConnected(long height, int txs, long micros) {
    lastHeight.set(height);
    blocksConnected.inc();
    blockTxs.inc(txs);
    blockSeconds.observe(micros / 1e6);
    if (micros > 0 && txs > 0) {
      verifyRate.set(txs * 1e6 / micros);
    }
  }

  /** {@code count} signatures were verified in {@code nanos} of thread time. */
  public void signaturesVerified(long count, long nanos) {
    sigsVerified.inc(count);
    sigSeconds.inc(nanos / 1e9);
  }

  /** A reorganisation disconnected {@code depth} blocks. */
  public void reorg(int depth) {
    reorgs.inc();
    reorgDepth.observe(depth);
  }

  public void bytesIn(String messageType, long n) {
    bytesIn.labelValues(messageType).inc(n);
  }

  public void bytesOut(String messageType, long n) {
    bytesOut.labelValues(messageType).inc(n);
  }

  /** An announced item ({@code tx} or {@code block}) arrived; {@code duplicate} when already known. */
  public void itemReceived(String kind, boolean duplicate) {
    itemsReceived.labelValues(kind).inc();
    if (duplicate) {
      duplicates.labelValues(kind).inc();
    }
  }

  /** One JSON-RPC call finished; {@code method} must be a known method name or {@code unknown}. */
  public void rpcCall(String method, boolean ok) {
    // One lookup per method name, not per call: labelValues allocates its key on every call, which
    // for a batch of 100 tx_submit was a tenth of the RPC worker's garbage. Method names are the
    // registered ones plus "unknown", so the map stays small.
    rpcPoints.computeIfAbsent(method, m -> new CounterDataPoint[] {
        rpcRequests.labelValues(m, "ok"), rpcRequests.labelValues(m, "error")})[ok ? 0 : 1].inc();
  }


  public void rpcBusy() {
    rpcBusy.inc();
  }

  /** Current values in the Prometheus text format (version 0.0.4). */
  public void writeTo(OutputStream out) throws IOException {
    new PrometheusTextFormatWriter(false).write(out, registry.scrape());
  }

  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private Counter counter(String name, String help, String... labels) {
    return Counter.builder().name(name).help(help).labelNames(labels).register(registry);
  }

  private interface SupplierRef {
    LongSupplier get();
  }

  private void callbackGauge(String name, String help, SupplierRef ref) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(cb -> {
          try {
            cb.call(ref.get().getAsLong());
          } catch (RuntimeException e) {
            // A failing supplier leaves the gauge out of this scrape instead of failing the page.
          }
        })
        .register(registry);
  }
}
