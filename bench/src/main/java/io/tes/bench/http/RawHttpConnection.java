package io.tes.bench.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 client: one socket, keep-alive, Content-Length or chunked answers. It
 * does just what the benchmark needs with a few allocations per request, so the load generator
 * leaves the CPU to the server it measures. A broken connection is reopened on the next request.
 */
final class RawHttpConnection implements HttpConnection {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int READ_TIMEOUT_MILLIS = 60_000;

  private final String host;
  private final int port;
  private final byte[] fixedHeaders;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  RawHttpConnection(String host, int port, String bearerKey) throws IOException {
    this.host = host;
    this.port = port;
    String headers = "Host: " + host + ":" + port + "\r\n";
    if (bearerKey != null) {
      headers += "Authorization: Bearer " + bearerKey + "\r\n";
    }
    this.fixedHeaders = headers.getBytes(StandardCharsets.US_ASCII);
    connect();
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
  }

  @Override
  public HttpAnswer post(String path, String contentType, byte[] body) throws IOException {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + body.length
            + "\r\n";
    return exchange(head, body);
  }

  @Override
  public HttpAnswer get(String path) throws IOException {
    return exchange("GET " + path + " HTTP/1.1\r\n", null);
  }

  private HttpAnswer exchange(String head, byte[] body) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(fixedHeaders);
      out.write('\r');
      out.write('\n');
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return readAnswer();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private HttpAnswer readAnswer() throws IOException {
    String statusLine = readLine();
    if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    String line;
    while (!(line = readLine()).isEmpty()) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closeAfter = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    byte[] body = chunked ? readChunked() : in.readNBytes((int) Math.max(contentLength, 0));
    if (closeAfter) {
      close();
    }
    return new HttpAnswer(status, body);
  }

  private byte[] readChunked() throws IOException {
    var body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(semicolon < 0 ? sizeLine.trim() : sizeLine.substring(0, semicolon), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // Trailers carry nothing the benchmark needs.
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine();
    }
  }

  private String readLine() throws IOException {
    var line = new StringBuilder(64);
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Nothing to do: the socket is gone either way.
      }
      socket = null;
    }
  }
}
