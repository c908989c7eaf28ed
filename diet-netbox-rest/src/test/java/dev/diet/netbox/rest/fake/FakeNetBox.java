package dev.diet.netbox.rest.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An in-process NetBox 4.4 REST API for tests, on an ephemeral loopback port (the JDK's HTTP
 * server): the endpoints DIET uses with NetBox's ids, pagination, filters, {@code brief}/{@code
 * fields}, all-or-nothing bulk requests, template instantiation, validation errors in NetBox's
 * format, token authentication (401/403) and 404s; plus {@link #faults() fault injection} and a
 * {@link #requests() request log}. {@link #call} reaches the same API without HTTP, faults or
 * counting, as a person's script would.
 */
public final class FakeNetBox implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "/api/";

  static {
    // Without TCP_NODELAY every response waits ~40 ms for the client's delayed ACK (read once per JVM).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** One answer of the API: HTTP status and JSON body (null for 204). */
  public static final class Response {
    private final int status;
    private final JsonNode body;

    Response(int status, JsonNode body) {
      this.status = status;
      this.body = body;
    }

    public int status() {
      return status;
    }

    public JsonNode body() {
      return body;
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final String token;
  private final String base;
  private final Schema schema = new Schema();
  private final Database db = new Database(schema);
  private final Writer writer = new Writer(schema, db);
  private final Faults faults = new Faults();
  private final RequestLog requests = new RequestLog();
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private volatile String version = "4.4.10";
  private volatile int maxPageSize = 1000;

  private FakeNetBox(String token, SSLContext tls) throws IOException {
    this.token = token;
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    if (tls == null) {
      this.server = HttpServer.create(address, 64);
    } else {
      HttpsServer https = HttpsServer.create(address, 64);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      this.server = https;
    }
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "fake-netbox");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
    this.base = (tls == null ? "http://" : "https://") + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** Starts an empty NetBox with a random 40-hex-digit token. */
  public static FakeNetBox start() {
    byte[] bytes = new byte[20];
    new SecureRandom().nextBytes(bytes);
    return start(HexFormat.of().formatHex(bytes));
  }

  /** Starts an empty NetBox that accepts {@code token} ({@code Token} or {@code Bearer} scheme). */
  public static FakeNetBox start(String token) {
    try {
      return new FakeNetBox(token, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake NetBox", e);
    }
  }

  /** Starts an empty NetBox serving HTTPS with the key and certificate in {@code keyStore}, and a random token. */
  public static FakeNetBox startTls(KeyStore keyStore, char[] password) {
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore, password);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(kmf.getKeyManagers(), null, null);
      byte[] bytes = new byte[20];
      new SecureRandom().nextBytes(bytes);
      return new FakeNetBox(HexFormat.of().formatHex(bytes), tls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake NetBox", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use that key store for TLS: " + e.getMessage(), e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234/}. */
  public URI uri() {
    return URI.create(base + "/");
  }

  public String token() {
    return token;
  }

  public Faults faults() {
    return faults;
  }

  public RequestLog requests() {
    return requests;
  }

  /** The version {@code /api/status/} reports (default 4.4.10). */
  public void version(String netboxVersion) {
    this.version = netboxVersion;
  }

  /** NetBox's MAX_PAGE_SIZE (default 1000): larger {@code limit}s are cut to it. */
  public void maxPageSize(int size) {
    this.maxPageSize = size;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Calls the API directly (no HTTP, no faults, not counted): {@code method} GET, POST, PATCH,
   * DELETE; {@code pathAndQuery} such as {@code /api/dcim/devices/?name=x}; body JSON or null.
   */
  public Response call(String method, String pathAndQuery, JsonNode body) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? null : pathAndQuery.substring(q + 1);
    try {
      return dispatch(method, path, query, body);
    } catch (ApiError e) {
      return new Response(e.status, e.body);
    }
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getRawPath();
      String endpoint = method + " " + path.replaceAll("/\\d+/$", "/{id}/");
      Fault fault = faults.decide(endpoint);
      requests.record(endpoint, fault != null && fault != Fault.SLOW);
      byte[] body = readAll(ex.getRequestBody());
      if (fault == Fault.DROP_BEFORE) {
        return;
      }
      if (fault == Fault.TOO_MANY_REQUESTS) {
        ex.getResponseHeaders().add("Retry-After", Integer.toString(faults.retryAfter()));
        send(ex, new Response(429, ApiError.detail(429, "Request was throttled.").body));
        return;
      }
      if (fault == Fault.UNAVAILABLE || fault == Fault.BAD_GATEWAY) {
        int status = fault == Fault.UNAVAILABLE ? 503 : 502;
        sendRaw(ex, status, "text/html", ("<h1>" + status + "</h1>").getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (fault == Fault.SLOW) {
        sleep(faults.slow().toMillis());
      }
      Response response = serve(ex, method, path, body);
      if (fault == Fault.DROP_AFTER) {
        return;
      }
      send(ex, response);
    }
  }

  private Response serve(HttpExchange ex, String method, String path, byte[] body) {
    if (!path.startsWith(API)) {
      return new Response(404, null);
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null) {
      return new Response(403, ApiError.detail(403, "Authentication credentials were not provided.").body);
    }
    if (!auth.equals("Token " + token) && !auth.equals("Bearer " + token)) {
      return new Response(403, ApiError.detail(403, "Invalid token").body);
    }
    JsonNode json = null;
    if (body.length > 0) {
      try {
        json = JSON.readTree(body);
      } catch (IOException e) {
        return new Response(400, ApiError.detail(400, "JSON parse error - " + e.getMessage()).body);
      }
    }
    try {
      return dispatch(method, path, ex.getRequestURI().getRawQuery(), json);
    } catch (ApiError e) {
      return new Response(e.status, e.body);
    }
  }

  private static void send(HttpExchange ex, Response r) throws IOException {
    if (r.status == 404 && r.body == null) {
      sendRaw(ex, 404, "text/html", "<h1>Not Found</h1><p>The requested resource was not found on this server.</p>".getBytes(StandardCharsets.UTF_8));
    } else if (r.body == null) {
      ex.sendResponseHeaders(r.status, -1);
    } else {
      sendRaw(ex, r.status, "application/json", JSON.writeValueAsBytes(r.body));
    }
  }

  private static void sendRaw(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
    ex.getResponseHeaders().add("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the API -------------------------------------------------------------------------------

  private Response dispatch(String method, String path, String query, JsonNode body) {
    if (path.equals("/api/status/")) {
      ObjectNode status = JsonNodeFactory.instance.objectNode();
      status.put("django-version", "5.2.4");
      status.putObject("installed-apps");
      status.put("netbox-version", version);
      status.put("netbox-full-version", version);
      status.putObject("plugins");
      status.put("python-version", "3.12.3");
      status.put("rq-workers-running", 1);
      return new Response(200, status);
    }
    String rest = path.substring(API.length());
    Long id = null;
    String[] parts = rest.split("/");
    String resourcePath;
    if (parts.length == 3 && parts[2].matches("\\d+")) {
      resourcePath = parts[0] + "/" + parts[1];
      id = Long.parseLong(parts[2]);
    } else if (parts.length == 2) {
      resourcePath = parts[0] + "/" + parts[1];
    } else {
      return new Response(404, null);
    }
    Resource r = schema.get(resourcePath);
    if (r == null || !path.endsWith("/")) {
      return new Response(404, null);
    }
    Lock lock = method.equals("GET") ? rw.readLock() : rw.writeLock();
    lock.lock();
    try {
      Renderer renderer = new Renderer(schema, db, base);
      Queries queries = new Queries(schema, db, renderer, base, maxPageSize);
      Map<String, List<String>> params = Queries.parse(query);
      if (id != null) {
        return single(r, id, method, body, queries, params);
      }
      switch (method) {
        case "GET":
          return new Response(200, queries.list(r, params));
        case "POST":
          return bulk(r, body, queries, true);
        case "PATCH":
        case "PUT":
          if (body == null || !body.isArray()) {
            return new Response(405, ApiError.detail(405, "Method \"" + method + "\" not allowed.").body);
          }
          return bulk(r, body, queries, false);
        case "DELETE":
          return bulkDelete(r, body);
        default:
          return new Response(405, ApiError.detail(405, "Method \"" + method + "\" not allowed.").body);
      }
    } finally {
      lock.unlock();
    }
  }

  private Response single(Resource r, long id, String method, JsonNode body, Queries queries, Map<String, List<String>> params) {
    ObjectNode rec = db.get(r.path, id);
    if (rec == null) {
      return new Response(404, ApiError.detail(404, "No " + r.label() + " matches the given query.").body);
    }
    switch (method) {
      case "GET":
        return new Response(200, queries.render(r, rec, params.containsKey("brief"), Set.of()));
      case "PATCH":
      case "PUT":
        db.begin();
        try {
          ObjectNode updated = writer.update(r, id, body == null ? JsonNodeFactory.instance.objectNode() : body);
          db.commit();
          return new Response(200, queries.render(r, updated, false, Set.of()));
        } catch (Invalid e) {
          db.rollback();
          return new Response(400, e.errors);
        }
      case "DELETE":
        db.begin();
        try {
          writer.delete(r, id);
          db.commit();
          return new Response(204, null);
        } catch (ApiError e) {
          db.rollback();
          throw e;
        }
      default:
        return new Response(405, ApiError.detail(405, "Method \"" + method + "\" not allowed.").body);
    }
  }

  /** POST (one object or a list) and PATCH of a list: all or nothing, errors per object for lists. */
  private Response bulk(Resource r, JsonNode body, Queries queries, boolean create) {
    if (body == null) {
      return new Response(400, ApiError.detail(400, "No data provided.").body);
    }
    boolean many = body.isArray();
    List<JsonNode> items = new ArrayList<>();
    if (many) {
      body.forEach(items::add);
    } else {
      items.add(body);
    }
    db.begin();
    List<ObjectNode> done = new ArrayList<>();
    ArrayNode errors = JsonNodeFactory.instance.arrayNode();
    boolean failed = false;
    for (JsonNode item : items) {
      try {
        if (create) {
          done.add(writer.create(r, item));
        } else {
          if (!item.path("id").canConvertToLong()) {
            throw Invalid.of("id", "This field is required.");
          }
          done.add(writer.update(r, item.get("id").asLong(), item));
        }
        errors.addObject();
      } catch (Invalid e) {
        failed = true;
        errors.add(e.errors);
      } catch (ApiError e) {
        db.rollback();
        throw e;
      }
    }
    if (failed) {
      db.rollback();
      return new Response(400, many ? errors : errors.get(0));
    }
    db.commit();
    if (!many) {
      return new Response(create ? 201 : 200, queries.render(r, done.get(0), false, Set.of()));
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (ObjectNode rec : done) {
      out.add(queries.render(r, db.get(r.path, rec.get("id").asLong()), false, Set.of()));
    }
    return new Response(create ? 201 : 200, out);
  }

  private Response bulkDelete(Resource r, JsonNode body) {
    if (body == null || !body.isArray()) {
      return new Response(405, ApiError.detail(405, "Method \"DELETE\" not allowed.").body);
    }
    db.begin();
    try {
      for (JsonNode item : body) {
        if (!item.path("id").canConvertToLong()) {
          db.rollback();
          return new Response(400, ApiError.field("id", "This field is required.").body);
        }
        writer.delete(r, item.get("id").asLong());
      }
      db.commit();
      return new Response(204, null);
    } catch (ApiError e) {
      db.rollback();
      throw e;
    }
  }
}
