package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.http.fixture.Calls;
import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.RawResponse;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9112 framing and syntax: anything ambiguous is refused with a 4xx/5xx and the connection closes. */
class StrictParsingTest {
  private final Calls calls = new Calls();
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Router.builder()
        .get("/hello", calls.counting(r -> Response.text(200, "hello")))
        .route(Route.builder("POST", "/echo").maxBodyBytes(1024)
            .handler(calls.counting(r -> Response.text(200, r.bodyText()))).build())
        .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesAWellFormedRequestAndKeepsTheConnection() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse first = connection.write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
      RawResponse second = connection.write("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\nhi")
          .readResponse();
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.bodyText()).isEqualTo("hello");
      assertThat(second.bodyText()).isEqualTo("hi");
      assertThat(calls.count()).isEqualTo(2);
    }
  }

  @Test
  void servesAChunkedBody() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("POST /echo HTTP/1.1\r\nHost: localhost\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("abcde");
    }
  }

  @Test
  void rejectsConflictingContentLengths() throws Exception {
    assertRejected(post("Content-Length: 2\r\nContent-Length: 3\r\n") + "abc", 400);
  }

  @Test
  void rejectsARepeatedContentLengthEvenWithTheSameValue() throws Exception {
    assertRejected(post("Content-Length: 2\r\nContent-Length: 2\r\n") + "ab", 400);
  }

  @Test
  void rejectsConflictingContentLengthsOnHttp10() throws Exception {
    assertRejected("POST /echo HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 2\r\nContent-Length: 30\r\n\r\n"
        + "hiGET /hello HTTP/1.1\r\nHost: x\r\n\r\n", 400);
  }

  @Test
  void rejectsARepeatedContentLengthOnHttp10() throws Exception {
    assertRejected("POST /echo HTTP/1.0\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nhi", 400);
  }

  @Test
  void rejectsAContentLengthListInOneField() throws Exception {
    assertRejected(post("Content-Length: 2, 2\r\n") + "ab", 400);
  }

  @Test
  void rejectsASignedContentLength() throws Exception {
    assertRejected(post("Content-Length: +2\r\n") + "ab", 400);
  }

  @Test
  void rejectsContentLengthTogetherWithTransferEncoding() throws Exception {
    assertRejected(post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n") + "0\r\n\r\n", 400);
  }

  @Test
  void rejectsATransferCodingBeforeChunked() throws Exception {
    assertRejected(post("Transfer-Encoding: gzip, chunked\r\n") + "0\r\n\r\n", 400);
  }

  @Test
  void rejectsChunkedAppliedTwice() throws Exception {
    assertRejected(post("Transfer-Encoding: chunked, chunked\r\n") + "0\r\n\r\n", 400);
  }

  @Test
  void rejectsIdentityTransferCoding() throws Exception {
    assertRejected(post("Transfer-Encoding: identity\r\n"), 400);
  }

  @Test
  void rejectsASecondTransferEncodingHeader() throws Exception {
    assertRejected(post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n") + "0\r\n\r\n", 400);
  }

  @Test
  void rejectsChunkedFollowedByAnotherCodingInASecondHeader() throws Exception {
    assertRejected(post("Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n") + "0\r\n\r\n", 400);
  }

  @Test
  void rejectsTransferEncodingOnHttp10() throws Exception {
    assertRejected("POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400);
  }

  @Test
  void rejectsObsoleteLineFolding() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Folded: a\r\n b\r\n\r\n", 400);
  }

  @Test
  void rejectsObsoleteLineFoldingWithATab() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Folded: a\r\n\tb\r\n\r\n", 400);
  }

  @Test
  void rejectsObsoleteLineFoldingArrivingInALaterWrite() throws Exception {
    try (RawConnection connection = server.connect()) {
      connection.write("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Folded: a\r\n");
      Thread.sleep(50); // let the server consume the first lines on their own
      connection.write(" b\r\n\r\n");
      assertRefused(connection, 400);
    }
  }

  @Test
  void rejectsObsoleteLineFoldingSplitRightAfterTheLineEnd() throws Exception {
    try (RawConnection connection = server.connect()) {
      connection.write("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Folded: a\r");
      Thread.sleep(50);
      connection.write("\n b\r\n\r\n");
      assertRefused(connection, 400);
    }
  }

  @Test
  void acceptsABodyStartingWithSpaceAfterAHeadSplitBeforeItsBlankLine() throws Exception {
    try (RawConnection connection = server.connect()) {
      connection.write("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n");
      Thread.sleep(50);
      RawResponse response = connection.write("\r\n ab").readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo(" ab");
    }
  }

  @Test
  void rejectsASpaceInAHeaderName() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: localhost\r\nX Bad: 1\r\n\r\n", 400);
  }

  @Test
  void rejectsASpaceBeforeTheColon() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost : localhost\r\n\r\n", 400);
  }

  @Test
  void rejectsNonTokenCharactersInAHeaderName() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: localhost\r\nX(Bad): 1\r\n\r\n", 400);
  }

  @Test
  void rejectsAHeaderLineWithoutColon() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: localhost\r\nNoColon\r\n\r\n", 400);
  }

  @Test
  void rejectsNulInAHeaderValue() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Value: a\0b\r\n\r\n", 400);
  }

  @Test
  void rejectsABareCrInAHeaderValue() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Value: a\rb\r\n\r\n", 400);
  }

  @Test
  void rejectsABareLfEndingAHeaderLine() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Value: a\nX-Other: b\r\n\r\n", 400);
  }

  @Test
  void rejectsAGarbageRequestLine() throws Exception {
    assertRejected("HELLO\r\n\r\n", 400);
  }

  @Test
  void rejectsBinaryGarbage() throws Exception {
    assertRejected("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003\r\n\r\n", 400);
  }

  @Test
  void rejectsARequestLineWithoutVersion() throws Exception {
    assertRejected("GET /hello\r\nHost: localhost\r\n\r\n", 400);
  }

  @Test
  void rejectsExtraSpacesBetweenMethodAndTarget() throws Exception {
    assertRejected("GET  /hello HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
  }

  @Test
  void rejectsExtraSpacesBeforeTheVersion() throws Exception {
    assertRejected("GET /hello  HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
  }

  @Test
  void rejectsALeadingSpaceOnTheRequestLine() throws Exception {
    assertRejected(" GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
  }

  @Test
  void rejectsATabAsRequestLineSeparator() throws Exception {
    assertRejected("GET\t/hello HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
  }

  @Test
  void rejectsTrailingWordsAfterTheVersion() throws Exception {
    assertRejected("GET /hello HTTP/1.1 extra\r\nHost: localhost\r\n\r\n", 400);
  }

  @Test
  void rejectsALowerCaseVersion() throws Exception {
    assertRejected("GET /hello http/1.1\r\nHost: localhost\r\n\r\n", 400);
  }

  @Test
  void rejectsALowerCaseMethodAsUnknown() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("get /hello HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(405);
      assertThat(calls.count()).isZero();
    }
  }

  @Test
  void answersHttp2RequestLineWith505() throws Exception {
    assertRejected("GET /hello HTTP/2.0\r\nHost: localhost\r\n\r\n", 505);
  }

  @Test
  void answersHttp3RequestLineWith505() throws Exception {
    assertRejected("GET /hello HTTP/3.0\r\nHost: localhost\r\n\r\n", 505);
  }

  @Test
  void rejectsHttp11WithoutHost() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\n\r\n", 400);
  }

  @Test
  void rejectsTwoHostHeaders() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: localhost\r\nHost: other\r\n\r\n", 400);
  }

  @Test
  void rejectsAnInvalidHost() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: local/host\r\n\r\n", 400);
  }

  @Test
  void acceptsHttp10WithoutHost() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET /hello HTTP/1.0\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.statusLine()).startsWith("HTTP/1.0 200");
    }
  }

  @Test
  void rejectsAnAbsoluteFormTargetForAnotherHost() throws Exception {
    assertRejected("GET http://evil.example/hello HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
  }

  @Test
  void routesAnAbsoluteFormTargetForOurOwnHostByItsPath() throws Exception {
    String host = "127.0.0.1:" + server.port();
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET http://" + host + "/hello HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
          .readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("hello");
      assertThat(calls.count()).isEqualTo(1);
    }
  }

  @Test
  void rejectsAnAuthorityFormTarget() throws Exception {
    assertRejected("GET localhost:80 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
  }

  @Test
  void rejectsConnect() throws Exception {
    assertRejected("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n", 400);
  }

  @Test
  void rejectsNonAsciiInTheTarget() throws Exception {
    assertRejected("GET /h\u00e9llo HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
  }

  @Test
  void rejectsAnUnsupportedExpectation() throws Exception {
    assertRejected("GET /hello HTTP/1.1\r\nHost: localhost\r\nExpect: something\r\n\r\n", 417);
  }

  @Test
  void rejectsANonHexChunkSize() throws Exception {
    assertRejected(post("Transfer-Encoding: chunked\r\n") + "zz\r\nabc\r\n0\r\n\r\n", 400);
  }

  @Test
  void rejectsANegativeChunkSize() throws Exception {
    assertRejected(post("Transfer-Encoding: chunked\r\n") + "-3\r\nabc\r\n0\r\n\r\n", 400);
  }

  @Test
  void rejectsAnOverflowingChunkSize() throws Exception {
    assertRejected(post("Transfer-Encoding: chunked\r\n") + "10000000000000003\r\nabc\r\n0\r\n\r\n", 400);
  }

  @Test
  void rejectsAnEmptyChunkSize() throws Exception {
    assertRejected(post("Transfer-Encoding: chunked\r\n") + "\r\nabc\r\n0\r\n\r\n", 400);
  }

  @Test
  void rejectsAChunkWithoutItsCrlf() throws Exception {
    assertRejected(post("Transfer-Encoding: chunked\r\n") + "3\r\nabcX\r\n0\r\n\r\n", 400);
  }

  private static String post(String headers) {
    return "POST /echo HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n";
  }

  /** Sends the bytes on a new connection and checks the refusal. */
  private void assertRejected(String request, int status) throws Exception {
    try (RawConnection connection = server.connect()) {
      connection.write(request);
      assertRefused(connection, status);
    }
  }

  private void assertRefused(RawConnection connection, int status) throws Exception {
    RawResponse response = connection.readResponse();
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(response.header("Connection")).contains("close");
    assertThat(connection.closedByServer()).as("connection closed").isTrue();
    assertThat(calls.count()).as("handler invocations").isZero();
  }
}
