package io.cairn.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shared body budget and the closing aggregator, on embedded channels. */
class BodyBudgetTest {

  private static HttpContent content(int n) {
    return new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[n]));
  }

  @Test
  void bodiesOverTheSharedBudgetAreRefusedUntilAResponseFreesIt() {
    BodyBudget.Shared budget = new BodyBudget.Shared(100);
    EmbeddedChannel a = new EmbeddedChannel(new BodyBudget(budget));
    EmbeddedChannel b = new EmbeddedChannel(new BodyBudget(budget));

    assertTrue(a.writeInbound(content(60)));
    ((HttpContent) a.readInbound()).release();
    assertEquals(60, budget.used());

    HttpContent over = content(60);
    assertFalse(b.writeInbound(over), "refused, not passed on");
    assertEquals(0, over.refCnt(), "the refused bytes are released at once");
    FullHttpResponse busy = b.readOutbound();
    assertEquals(HttpResponseStatus.SERVICE_UNAVAILABLE, busy.status());
    assertEquals("close", busy.headers().get(HttpHeaderNames.CONNECTION));
    assertTrue(busy.content().toString(StandardCharsets.UTF_8).contains("\"reason\":\"busy\""));
    busy.release();
    assertFalse(b.isOpen());
    assertEquals(60, budget.used(), "a closed channel gives back what it held (nothing)");

    a.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
    ((FullHttpResponse) a.readOutbound()).release();
    assertEquals(0, budget.used(), "answering the request frees its body");

    FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        Unpooled.wrappedBuffer(new byte[70]));
    a.write(answer);
    assertEquals(70, budget.used(), "an answer not yet taken by the socket counts");
    HttpContent meanwhile = content(40);
    assertFalse(new EmbeddedChannel(new BodyBudget(budget)).writeInbound(meanwhile), "so a new body does not fit");
    assertTrue(new EmbeddedChannel(new BodyBudget(budget)).writeInbound(content(0)), "a request without a body does");
    a.flush();
    ((FullHttpResponse) a.readOutbound()).release();
    assertEquals(0, budget.used(), "written: let go");

    EmbeddedChannel c = new EmbeddedChannel(new BodyBudget(budget));
    assertTrue(c.writeInbound(content(100)));
    ((HttpContent) c.readInbound()).release();
    c.close();
    assertEquals(0, budget.used(), "closing mid-request frees its body");
  }

  @Test
  void oversizedBodyGets413AndTheConnectionClosesEvenWithKeepAlive() {
    EmbeddedChannel ch = new EmbeddedChannel(new RpcServer.ClosingAggregator(1024));
    HttpRequest req = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
    req.headers().set(HttpHeaderNames.CONTENT_LENGTH, 64 * 1024 * 1024);
    assertFalse(ch.writeInbound(req));
    FullHttpResponse r = ch.readOutbound();
    assertEquals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, r.status());
    assertEquals("close", r.headers().get(HttpHeaderNames.CONNECTION));
    r.release();
    assertFalse(ch.isOpen());
    assertNull(ch.readInbound(), "nothing reaches the router");
  }
}
